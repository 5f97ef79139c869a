//! `--jsonl` on several threads: clusters analysed at the same time, results written in input order.
//!
//! A reader thread puts each input line in a queue that the workers take **the longest line first**
//! from, and hands the receiving end of the line's result to the writer (the calling thread) in
//! input order. The writer writes the line being waited for as its pieces come, so the output is
//! the same as one cluster after the other and a huge result is never held whole while it is the
//! oldest. Longest first matters at the end of a run: a large cluster taken last would keep one
//! thread busy while the others idle. Lines read and not yet written are bounded by
//! [`WINDOW_BYTES`] of input (at least one line), so a long input is not read far ahead and the
//! results waiting for an older line stay bounded.

use crate::{write_result_line, AnalyzeArgs, JsonlCounts};
use std::collections::BinaryHeap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard};

/// Input bytes that may be read ahead of the line the writer waits for. Whole corpora of ordinary
/// clusters fit (BASIL dev is 1.3 MB of JSON Lines), so the queue can order them all by length.
const WINDOW_BYTES: usize = 16 << 20;

/// A piece of a result line, or why the line could not be finished (the run then stops with it,
/// as it would with one job).
type Piece = Result<Vec<u8>, String>;

/// A line of input waiting for a worker, and where its result goes.
struct Job {
    line_no: usize,
    bytes: Vec<u8>,
    result: mpsc::Sender<Piece>,
}

// The queue's order: the longest line first; of equal lengths, the earlier line.
impl Ord for Job {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes.len().cmp(&other.bytes.len()).then(other.line_no.cmp(&self.line_no))
    }
}
impl PartialOrd for Job {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Job {
    fn eq(&self, other: &Self) -> bool {
        self.line_no == other.line_no
    }
}
impl Eq for Job {}

/// What the reader, the workers and the writer share.
#[derive(Default)]
struct Queue {
    state: Mutex<QueueState>,
    /// Signalled on every change of the state: a job queued, the input's end, a line written, a stop.
    changed: Condvar,
}

#[derive(Default)]
struct QueueState {
    waiting: BinaryHeap<Job>,
    /// Input bytes of the lines read and not yet written.
    unwritten_bytes: usize,
    input_ended: bool,
    /// The writer could not write: everyone stops.
    stopped: bool,
}

impl QueueState {
    /// Whether a line of `len` bytes may be read ahead now: it fits in the window, or it is the
    /// only line not yet written (however long).
    fn has_room_for(&self, len: usize) -> bool {
        self.unwritten_bytes == 0 || self.unwritten_bytes + len <= WINDOW_BYTES
    }
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        // A poisoned lock means a thread panicked holding it; the state itself stays consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, QueueState>) -> MutexGuard<'a, QueueState> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut QueueState)) {
        change(&mut self.lock());
        self.changed.notify_all();
    }

    /// Waits until the window has room for a line of `len` bytes (always for the only line), then
    /// queues it. False when the run has stopped.
    fn push(&self, job: Job) -> bool {
        let len = job.bytes.len();
        let mut state = self.lock();
        while !state.stopped && !state.has_room_for(len) {
            state = self.wait(state);
        }
        if state.stopped {
            return false;
        }
        state.unwritten_bytes += len;
        state.waiting.push(job);
        drop(state);
        self.changed.notify_all();
        true
    }

    /// The longest waiting line; None once the input has ended and nothing waits, or on a stop.
    fn pop(&self) -> Option<Job> {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return None;
            }
            if let Some(job) = state.waiting.pop() {
                return Some(job);
            }
            if state.input_ended {
                return None;
            }
            state = self.wait(state);
        }
    }
}

/// Analyses the JSON Lines of standard input on `jobs` worker threads and writes the results to `w`
/// in input order.
pub(crate) fn jsonl_in_parallel(args: &AnalyzeArgs, jobs: usize, w: &mut impl Write) -> Result<JsonlCounts, String> {
    let queue = Arc::new(Queue::default());
    // Each line's length (to free its room in the window once written) and its result, in order.
    let (order_tx, order_rx) = mpsc::channel::<(usize, mpsc::Receiver<Piece>)>();
    // Not a scoped thread: after a write error the run ends without waiting for the reader, which
    // may be blocked on a standard input that sends nothing more (a terminal, `tail -f`).
    let reader = {
        let queue = Arc::clone(&queue);
        std::thread::spawn(move || -> Result<JsonlCounts, String> {
            let counts = read_lines(&queue, &order_tx);
            queue.update(|s| s.input_ended = true);
            counts
        })
    };
    let analysed = AtomicUsize::new(0);
    let written = std::thread::scope(|scope| {
        let queue = &*queue;
        for _ in 0..jobs {
            let analysed = &analysed;
            // The main thread's stack size: the analysis gets the same room as with one job.
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, move || {
                    while let Some(job) = queue.pop() {
                        if analyse(&job, args) {
                            analysed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                })
                .expect("a worker thread");
        }
        let written = (|| {
            for (len, result) in order_rx {
                for piece in result {
                    w.write_all(&piece?).map_err(|e| e.to_string())?;
                }
                queue.update(|s| s.unwritten_bytes -= len);
            }
            Ok::<(), String>(())
        })();
        if written.is_err() {
            // Stops the workers (after their current line) and the reader (once its current line
            // of input has come).
            queue.update(|s| s.stopped = true);
        }
        written
    });
    written?;
    // Every result was written, so the reader has ended (it dropped its end of `order`).
    let mut counts = reader.join().expect("the reader thread")?;
    counts.analysed = analysed.load(Ordering::Relaxed);
    Ok(counts)
}

/// The reader: every non-blank line of standard input into the queue, its result's receiver to the
/// writer.
fn read_lines(queue: &Queue, order: &mpsc::Sender<(usize, mpsc::Receiver<Piece>)>) -> Result<JsonlCounts, String> {
    let mut counts = JsonlCounts::default();
    let mut input = std::io::stdin().lock();
    let mut buf = Vec::new();
    while crate::next_line(&mut input, &mut buf)? {
        counts.lines += 1;
        if crate::is_blank(&buf) {
            counts.blank += 1;
            continue;
        }
        let (result, result_rx) = mpsc::channel();
        let job = Job { line_no: counts.lines, bytes: std::mem::take(&mut buf), result };
        let len = job.bytes.len();
        // Either fails only when the writer stopped (it could not write): stop too.
        if !queue.push(job) || order.send((len, result_rx)).is_err() {
            break;
        }
    }
    Ok(counts)
}

/// A worker's part for one line: its result, in pieces, to the writer. True when analysed.
fn analyse(job: &Job, args: &AnalyzeArgs) -> bool {
    // A send fails only when the writer is gone (it could not write): the run is ending, finish
    // quietly.
    let mut write = |piece: &[u8]| {
        let _ = job.result.send(Ok(piece.to_vec()));
        Ok(())
    };
    // A panic (a bug; its message is already on stderr) ends the run with an error instead of a
    // line cut short, and the worker stays to drain the queue.
    let line = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        write_result_line(&job.bytes, job.line_no, args, &mut write)
    }));
    match line.unwrap_or_else(|_| Err(format!("line {}: the analysis failed (a bug)", job.line_no))) {
        Ok(analysed) => analysed,
        Err(msg) => {
            let _ = job.result.send(Err(msg));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(line_no: usize, len: usize) -> Job {
        Job { line_no, bytes: vec![b'x'; len], result: mpsc::channel().0 }
    }

    #[test]
    fn workers_take_the_longest_line_first_and_the_earlier_of_equal_lengths() {
        let queue = Queue::default();
        for (line_no, len) in [(1, 10), (2, 300), (3, 20), (4, 300), (5, 5)] {
            assert!(queue.push(job(line_no, len)));
        }
        queue.update(|s| s.input_ended = true);
        let order: Vec<usize> = std::iter::from_fn(|| queue.pop()).map(|j| j.line_no).collect();
        assert_eq!(order, [2, 4, 3, 1, 5]);
    }

    #[test]
    fn the_window_takes_any_single_line_and_otherwise_what_fits() {
        let mut state = QueueState::default();
        assert!(state.has_room_for(WINDOW_BYTES * 3), "a line longer than the window, alone");
        state.unwritten_bytes = WINDOW_BYTES - 10;
        assert!(state.has_room_for(10));
        assert!(!state.has_room_for(11));
    }

    #[test]
    fn a_stop_releases_a_reader_waiting_for_room_and_the_idle_workers() {
        let queue = Queue::default();
        assert!(queue.push(job(1, WINDOW_BYTES)));
        assert!(queue.pop().is_some());
        std::thread::scope(|scope| {
            // The window is full (line 1 is not written): this push waits until the stop.
            let reader = scope.spawn(|| queue.push(job(2, 1)));
            let worker = scope.spawn(|| queue.pop().map(|j| j.line_no));
            queue.update(|s| s.stopped = true);
            assert!(!reader.join().unwrap(), "no line is queued after a stop");
            assert_eq!(worker.join().unwrap(), None);
        });
    }
}
