//! The planner's Web Worker: the [`Session`] behind gloo-worker's messages, so imports and
//! optimisation run off the page's main thread. The page spawns it from Trunk's loader shim
//! (`zhucan-worker_loader.js`, a same-origin script, allowed by a strict Content-Security-Policy).

use gloo::worker::{HandlerId, Worker, WorkerScope};

use crate::core::planner::session::{Reply, Request, Session};

/// The loader script Trunk writes for the worker (workers are not content-hashed).
pub const LOADER: &str = "./zhucan-worker_loader.js";

/// The planner worker.
pub struct PlannerWorker {
    session: Session,
}

impl Worker for PlannerWorker {
    type Message = ();
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        PlannerWorker { session: Session::new() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        self.session.handle(request, &mut |reply| scope.respond(id, reply));
    }
}
