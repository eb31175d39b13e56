//! Reading files from the user's device (the file picker, a drop, a project file).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// A file's name and bytes.
type Named = (String, Vec<u8>);

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

    /// Reads every file of `files` (each as [`FileReaders::read`]), then calls `done` once with
    /// their names and bytes, in the order given.
    pub fn read_all(&self, files: Vec<web_sys::File>, limit: usize, done: impl FnOnce(Vec<Named>) + 'static) {
        let results: Rc<RefCell<Vec<Option<Named>>>> = Rc::new(RefCell::new(vec![None; files.len()]));
        let done = Rc::new(RefCell::new(Some(done)));
        for (i, file) in files.into_iter().enumerate() {
            let (results, done) = (results.clone(), done.clone());
            self.read(file, limit, move |name, bytes| {
                results.borrow_mut()[i] = Some((name, bytes));
                if results.borrow().iter().all(Option::is_some) {
                    let all: Vec<Named> = results.borrow_mut().drain(..).flatten().collect();
                    if let Some(done) = done.borrow_mut().take() {
                        done(all);
                    }
                }
            });
        }
    }
}

/// Returns a [`FileReaders`] that keeps every read it starts alive for as long as the component
/// lives (a dropped reader cancels its read).
#[hook]
pub fn use_file_readers() -> FileReaders {
    FileReaders(use_mut_ref(Vec::new))
}
