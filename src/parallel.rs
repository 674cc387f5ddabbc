//! Work on long lists spread over the machine's cores: parsing the sessions of a large
//! programme, and formatting its rows.

/// Below this many items a second thread costs more than it saves.
pub const PARALLEL_FROM: usize = 2000;

/// `work` applied to consecutive pieces of `items`, one piece per core when there are enough
/// items to be worth it; the results in the order of the pieces.
pub fn by_pieces<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let threads = if items.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    if threads == 1 {
        return vec![work(items)];
    }
    let per_thread = items.len().div_ceil(threads).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(per_thread)
            .map(|piece| scope.spawn(move || work(piece)))
            .collect();
        // panic = "abort" in release: a worker that panicked has ended the process already.
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_come_back_in_order_and_cover_every_item() {
        for n in [0, 1, PARALLEL_FROM - 1, PARALLEL_FROM, 3 * PARALLEL_FROM + 7] {
            let items: Vec<usize> = (0..n).collect();
            let pieces = by_pieces(&items, <[usize]>::to_vec);
            assert_eq!(pieces.concat(), items, "{n} items");
            if n >= PARALLEL_FROM && std::thread::available_parallelism().is_ok_and(|c| c.get() > 1) {
                assert!(pieces.len() > 1, "{n} items in one piece");
            }
        }
    }
}
