//! `claimlens`: the command-line face, for batch work and for measuring accuracy.
//!
//! The contract the scorer relies on is `shared/eval/CONTRACT.md`.

use claimlens::output::{self, OffsetUnit};
use claimlens::request::ClusterRequest;
use claimlens::{analyze, Analysis, Date, Document, Options};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod jobs;

/// mimalloc instead of the system allocator: the analysis makes many small allocations, and
/// glibc's spent ~15 % of the CLI's instructions on them (BENCHMARKS.md, session 11).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "claimlens", version, about = "Finds numbers, attributions and contradictions in news articles.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse the articles of one cluster (FILE...), or clusters as JSON Lines on standard input (--jsonl).
    Analyze(AnalyzeArgs),
}

#[derive(Parser)]
struct AnalyzeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Unit of every start/end offset in the output.
    #[arg(long, default_value = "chars", value_parser = parse_unit)]
    offsets: OffsetUnit,
    /// Publication date (YYYY-MM-DD) that relative dates such as "last month" resolve against.
    #[arg(long, value_parser = Date::parse_iso)]
    pub_date: Option<Date>,
    /// Read clusters as JSON Lines on standard input; write one result line per input line.
    #[arg(long, conflicts_with = "files")]
    jsonl: bool,
    /// With --jsonl: clusters analysed at the same time, one per thread (default: the number of
    /// CPU cores). The output is the same, line for line and byte for byte, whatever the number.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..), conflicts_with = "files")]
    jobs: Option<u16>,
    /// The articles of one cluster; `-` reads one article from standard input.
    #[arg(required_unless_present = "jsonl")]
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

fn parse_unit(s: &str) -> Result<OffsetUnit, String> {
    s.parse()
}

fn main() -> ExitCode {
    let Command::Analyze(args) = Cli::parse().command;
    let result = if args.jsonl { run_jsonl(&args) } else { run_files(&args) };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("claimlens: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a file as UTF-8 text, with a message that names the file and says where it went wrong.
fn read_text(path: &PathBuf) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), describe_io(&e)))?;
    }
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        format!(
            "{}: not UTF-8 text (invalid byte 0x{:02x} at byte {at}, line {})",
            path.display(),
            bytes[at],
            line_of(bytes, at)
        )
    })?;
    // No text file holds a NUL byte; valid UTF-8 with one is binary data (an archive, a database).
    if let Some(at) = text.find('\0') {
        return Err(format!(
            "{}: binary data, not text (NUL byte at byte {at}, line {})",
            path.display(),
            line_of(text.as_bytes(), at)
        ));
    }
    Ok(text)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "is a directory, not a file".into(),
        _ => e.to_string(),
    }
}

fn run_files(args: &AnalyzeArgs) -> Result<(), String> {
    let mut docs = Vec::new();
    for path in &args.files {
        match read_text(path) {
            Ok(text) => {
                let name = if path.as_os_str() == "-" {
                    "stdin".to_string()
                } else {
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
                };
                docs.push(Document::new(name, text));
            }
            // The other articles are still worth analysing: say what went wrong and go on.
            Err(msg) => eprintln!("claimlens: skipped {msg}"),
        }
    }
    if docs.is_empty() {
        return Err("nothing to analyse: no file could be read".into());
    }
    // An empty article stays in the output (document indices follow the arguments), with a word.
    for doc in docs.iter().filter(|d| d.text.trim().is_empty()) {
        eprintln!("claimlens: {} is empty: nothing to analyse in it", doc.name);
    }
    if docs.iter().all(|d| d.text.trim().is_empty()) {
        return Err("nothing to analyse: the input is empty".into());
    }
    let options = Options { pub_date: args.pub_date };
    let analysis = analyze(&docs, &options);
    let out = output::render(&docs, &analysis, args.offsets);
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => serde_json::to_writer(&mut w, &out).map_err(|e| e.to_string())?,
        Format::Text => w.write_all(output::render_text(&out).as_bytes()).map_err(|e| e.to_string())?,
    }
    writeln!(w).and_then(|_| w.flush()).map_err(|e| e.to_string())
}

/// What became of the JSON Lines input: how many lines, blank ones, and lines analysed.
#[derive(Default)]
struct JsonlCounts {
    lines: usize,
    blank: usize,
    analysed: usize,
}

fn run_jsonl(args: &AnalyzeArgs) -> Result<(), String> {
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let counts = if jobs <= 1 { jsonl_in_order(args, &mut w)? } else { jobs::jsonl_in_parallel(args, jobs, &mut w)? };
    w.flush().map_err(|e| e.to_string())?;
    if counts.analysed == 0 {
        return Err(if counts.lines == counts.blank {
            "nothing to analyse: standard input is empty".into()
        } else {
            "nothing to analyse: no input line could be read".into()
        });
    }
    Ok(())
}

/// Reads the next line of standard input into `buf` (cleared first); false at the end.
fn next_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> Result<bool, String> {
    buf.clear();
    let n = input.read_until(b'\n', buf).map_err(|e| format!("standard input: {e}"))?;
    Ok(n > 0)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

/// One cluster after the other on this thread: each result goes straight to the output.
fn jsonl_in_order(args: &AnalyzeArgs, w: &mut impl Write) -> Result<JsonlCounts, String> {
    let mut counts = JsonlCounts::default();
    let mut buf = Vec::new();
    let mut input = std::io::stdin().lock();
    while next_line(&mut input, &mut buf)? {
        counts.lines += 1;
        if is_blank(&buf) {
            counts.blank += 1;
            continue;
        }
        let mut write = |piece: &[u8]| w.write_all(piece).map_err(serde_json::Error::io);
        counts.analysed += usize::from(write_result_line(&buf, counts.lines, args, &mut write)?);
    }
    Ok(counts)
}

/// The bytes of one result line, in pieces of about this size (to the output, or from a worker to
/// the writer).
const PIECE: usize = 1 << 16;

/// Writes the result line (with its line break) for one input line: the analysis, or an
/// `{"id", "error"}` object. True when the line was analysed.
fn write_result_line(
    line: &[u8],
    line_no: usize,
    args: &AnalyzeArgs,
    write: &mut impl FnMut(&[u8]) -> Result<(), serde_json::Error>,
) -> Result<bool, String> {
    let analysed = match analyse_line(line, line_no, args) {
        Ok((docs, analysis, id)) => {
            // Out a piece at a time: a cluster of 1,000 articles makes a 38 MB line, which need
            // not sit in memory as well.
            output::write_json_pieces(&docs, &analysis, args.offsets, Some(&id), PIECE, write)
                .map_err(|e| e.to_string())?;
            true
        }
        Err((id, msg)) => {
            let line = serde_json::json!({ "id": id, "error": msg });
            write(serde_json::to_string(&line).map_err(|e| e.to_string())?.as_bytes()).map_err(|e| e.to_string())?;
            false
        }
    };
    write(b"\n").map_err(|e| e.to_string())?;
    Ok(analysed)
}

/// One JSONL line's documents, their analysis and the cluster's id, or (id, message) when it cannot
/// be analysed.
fn analyse_line(
    bytes: &[u8],
    line_no: usize,
    args: &AnalyzeArgs,
) -> Result<(Vec<Document>, Analysis, serde_json::Value), (serde_json::Value, String)> {
    let fallback_id = serde_json::Value::Null;
    // The line break is not part of the line: keep it out of the parser's messages.
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        (fallback_id.clone(), format!("line {line_no}: not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1))
    })?;
    let req: ClusterRequest =
        serde_json::from_str(text).map_err(|e| match serde_json::from_str::<serde_json::Value>(text) {
            Err(_) => (fallback_id.clone(), format!("line {line_no}: not JSON: {e}")),
            Ok(v) if !v.is_object() => (fallback_id.clone(), format!("line {line_no}: not a JSON object")),
            // JSON of the wrong shape: keep its id.
            Ok(v) => (v.get("id").cloned().unwrap_or(serde_json::Value::Null), format!("line {line_no}: {e}")),
        })?;
    let id = req.id.clone().unwrap_or(serde_json::Value::Null);
    let (docs, mut options) = req.into_parts().map_err(|e| (id.clone(), format!("line {line_no}: {e}")))?;
    if options.pub_date.is_none() {
        options.pub_date = args.pub_date;
    }
    let analysis = analyze(&docs, &options);
    Ok((docs, analysis, id))
}
