//! Reading files from the user's device (the file picker, a drop, a project file).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// Starts reads of files from the device; see [`use_file_readers`].
#[derive(Clone)]
pub struct FileReaders(Rc<RefCell<Vec<gloo::file::callbacks::FileReader>>>);

impl FileReaders {
    /// Reads `file` (at most `limit` bytes and one more, so that a file over the limit is seen to
    /// be), then calls `done` with its name and bytes.
    pub fn read(&self, file: web_sys::File, limit: usize, done: impl FnOnce(String, Vec<u8>) + 'static) {
        let reader = crate::ui::browser::read_file(file, limit, done);
        self.0.borrow_mut().push(reader);
    }
}

/// Returns a [`FileReaders`] that keeps every read it starts alive for as long as the component
/// lives (a dropped reader cancels its read).
#[hook]
pub fn use_file_readers() -> FileReaders {
    FileReaders(use_mut_ref(Vec::new))
}
