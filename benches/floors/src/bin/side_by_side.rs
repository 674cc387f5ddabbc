//! Times commands side by side: each round runs every command once, in an order that rotates from
//! round to round, so that whatever else the machine is doing weighs on all of them alike. No shell
//! is involved; standard output and error go to /dev/null.
//!
//!     side-by-side ROUNDS -- COMMAND ARGS... -- COMMAND ARGS... [-- ...]
//!
//! Prints one line per command: its median and its fastest wall time in milliseconds, tab-separated.
//! A command that ends with a status other than the one of its first run is an error.
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((rounds, commands)) = parse(&args) else {
        eprintln!("usage: side-by-side ROUNDS -- COMMAND ARGS... [-- COMMAND ARGS...]");
        std::process::exit(2);
    };
    // One untimed run each: caches warm, and the status every timed run must repeat.
    let expected: Vec<Option<i32>> = commands.iter().map(|c| run(c).1).collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); commands.len()];
    for round in 0..rounds {
        for k in 0..commands.len() {
            let i = (round + k) % commands.len();
            let (took, status) = run(&commands[i]);
            if status != expected[i] {
                eprintln!(
                    "side-by-side: {} ended with {status:?}, first with {:?}",
                    commands[i].join(" "),
                    expected[i]
                );
                std::process::exit(1);
            }
            times[i].push(took);
        }
    }
    for mut t in times {
        t.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!("{:.4}\t{:.4}", ms(t[t.len() / 2]), ms(t[0]));
    }
}

fn parse(args: &[String]) -> Option<(usize, Vec<Vec<String>>)> {
    let rounds: usize = args.first()?.parse().ok().filter(|&n| n > 0)?;
    let commands: Vec<Vec<String>> = args[1..]
        .split(|a| a == "--")
        .filter(|c| !c.is_empty())
        .map(<[String]>::to_vec)
        .collect();
    (args.get(1).map(String::as_str) == Some("--") && !commands.is_empty()).then_some((rounds, commands))
}

fn run(command: &[String]) -> (Duration, Option<i32>) {
    let start = Instant::now();
    let status = Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            eprintln!("side-by-side: cannot run {}: {e}", command[0]);
            std::process::exit(2);
        });
    (start.elapsed(), status.code())
}
