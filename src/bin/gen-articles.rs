//! `gen-articles`: writes seeded, news-like clusters for the benchmarks and the memory figures
//! (see BENCHMARKS.md). The text comes from templates in `benches/support/generator.rs`.
//!
//!     gen-articles --articles 100 [--seed 1] [--clusters 1]     JSON Lines clusters on stdout
//!     gen-articles --articles 100 --out DIR                     one .txt per article in DIR

#[path = "../../benches/support/generator.rs"]
mod generator;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gen-articles: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (mut articles, mut seed, mut clusters, mut out) = (5usize, 1u64, 1usize, None::<String>);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--articles" => articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--clusters" => clusters = value()?.parse().map_err(|e| format!("--clusters: {e}"))?,
            "--out" => out = Some(value()?),
            "-h" | "--help" => {
                println!("usage: gen-articles [--articles N] [--seed S] [--clusters K] [--out DIR]");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    if let Some(dir) = out {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let cluster = generator::cluster(seed, articles);
        for a in &cluster.articles {
            std::fs::write(dir.join(&a.name), &a.text).map_err(|e| format!("{}: {e}", a.name))?;
        }
        eprintln!("gen-articles: wrote {} articles to {} (pub date {})", articles, dir.display(), cluster.pub_date);
        return Ok(());
    }
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    for k in 0..clusters {
        let cluster = generator::cluster(seed + k as u64, articles);
        let documents: Vec<_> =
            cluster.articles.iter().map(|a| serde_json::json!({"name": a.name, "text": a.text})).collect();
        let line = serde_json::json!({"id": format!("gen-{}-{}", seed + k as u64, articles), "pub_date": cluster.pub_date, "documents": documents});
        serde_json::to_writer(&mut w, &line).map_err(|e| e.to_string())?;
        writeln!(w).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::generator::*;

    #[test]
    fn same_seed_gives_same_cluster() {
        let (a, b) = (cluster(7, 3), cluster(7, 3));
        assert!(a.articles.iter().zip(&b.articles).all(|(x, y)| x.text == y.text));
        assert_ne!(cluster(8, 1).articles[0].text, a.articles[0].text);
    }

    #[test]
    fn articles_are_wire_story_sized() {
        for a in cluster(1, 20).articles {
            assert!((2000..4000).contains(&a.text.len()), "{} bytes", a.text.len());
        }
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(weekday(2024, 3, 14), 3); // a Thursday
        assert_eq!(weekday(2000, 1, 1), 5); // a Saturday
    }

    #[test]
    fn writes_thousands_separators() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
