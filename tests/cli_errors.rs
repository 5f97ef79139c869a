//! The CLI on bad input: each case gets a clear message that names the input and says what is wrong
//! (and where), a non-zero exit when nothing could be analysed, and for JSON Lines an error object
//! with the line's id while the run goes on.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The CLI run with `stdin` written from another thread, so that a long output cannot fill the pipe
/// while the input is still being written.
fn claimlens(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let (mut input, stdin) = (child.stdin.take().unwrap(), stdin.to_vec());
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().expect("the CLI ends");
    // A CLI that refuses its arguments exits without reading stdin: a broken pipe here is expected.
    if let Err(e) = writer.join().unwrap() {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing the CLI's stdin: {e}");
    }
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-errors-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect()
}

#[test]
fn empty_file_says_the_input_is_empty_and_fails() {
    let dir = scratch("empty");
    let run = claimlens(&["analyze", &file(&dir, "empty.txt", b"")], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("empty.txt is empty"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing to analyse: the input is empty"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn empty_stdin_and_blank_text_say_the_input_is_empty() {
    for input in [&b""[..], b"  \r\n\n\t \xc2\xa0\n"] {
        let run = claimlens(&["analyze", "-"], input);
        assert_ne!(run.code, 0, "{input:?}");
        assert!(run.stderr.contains("stdin is empty"), "{}", run.stderr);
    }
}

#[test]
fn empty_article_beside_a_real_one_is_kept_in_place_with_a_warning() {
    let dir = scratch("empty-beside");
    let empty = file(&dir, "empty.txt", b"");
    let real = file(&dir, "real.txt", "Police said 12 people were hurt.".as_bytes());
    let run = claimlens(&["analyze", &empty, &real], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("empty.txt is empty"), "{}", run.stderr);
    let out: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let names: Vec<&str> = out["documents"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["empty.txt", "real.txt"]);
}

#[test]
fn binary_data_is_refused_as_not_text() {
    let dir = scratch("binary");
    // A PNG header: not UTF-8 from its first byte.
    let png = file(&dir, "photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let run = claimlens(&["analyze", &png], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("photo.png: not UTF-8 text (invalid byte 0x89 at byte 0, line 1)"), "{}", run.stderr);
    // Valid UTF-8 but full of NUL bytes: still not text.
    let nul = file(&dir, "data.bin", b"ab\ncd\0\0\x01\x02");
    let run = claimlens(&["analyze", &nul], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("data.bin: binary data, not text (NUL byte at byte 5, line 2)"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing to analyse"), "{}", run.stderr);
}

#[test]
fn non_utf8_file_message_says_which_byte_and_line() {
    let dir = scratch("latin1");
    // "été" in Latin-1 on the third line.
    let latin1 = file(&dir, "latin1.txt", b"One.\nTwo.\nIt was \xe9t\xe9.\n");
    let run = claimlens(&["analyze", &latin1], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("latin1.txt: not UTF-8 text (invalid byte 0xe9 at byte 17, line 3)"), "{}", run.stderr);
}

#[test]
fn unreadable_file_beside_a_good_one_is_skipped_with_a_message() {
    let dir = scratch("skip");
    let good = file(&dir, "good.txt", "Officials said 59 missiles were fired.".as_bytes());
    let bad = file(&dir, "bad.txt", b"\xff\xfe");
    let run = claimlens(&["analyze", &good, &bad], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("skipped"), "{}", run.stderr);
    assert!(run.stderr.contains("bad.txt: not UTF-8 text"), "{}", run.stderr);
    let out: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn missing_file_is_named_with_no_such_file() {
    let dir = scratch("missing");
    let missing = dir.join("nowhere.txt");
    let run = claimlens(&["analyze", missing.to_str().unwrap()], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("nowhere.txt: no such file"), "{}", run.stderr);
}

#[test]
fn directory_is_named_as_not_a_file() {
    let dir = scratch("directory");
    let run = claimlens(&["analyze", dir.to_str().unwrap()], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("is a directory, not a file"), "{}", run.stderr);
}

#[test]
fn impossible_publication_date_is_refused_before_reading() {
    let dir = scratch("pub-date");
    let good = file(&dir, "good.txt", b"He said 3 people died.");
    for (date, why) in [
        ("2017-02-30", "no such day"),
        ("2017-13-01", "no such day"),
        ("2019-02-29", "no such day"),
        ("17-2-3", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
    ] {
        let run = claimlens(&["analyze", "--pub-date", date, &good], b"");
        assert_ne!(run.code, 0, "{date}");
        assert!(run.stderr.contains(date) && run.stderr.contains(why), "{date}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    // A leap day that exists is accepted.
    assert_eq!(claimlens(&["analyze", "--pub-date", "2016-02-29", &good], b"").code, 0);
}

#[test]
fn malformed_jsonl_lines_get_error_objects_and_the_run_goes_on() {
    let input = concat!(
        r#"{"id": "ok1", "text": "Police said 5 people died."}"#,
        "\n",
        "not json at all\n",
        r#"{"id": "cut", "text": "unfinished"#,
        "\n",
        "[1, 2]\n",
        r#"{"id": 7}"#,
        "\n",
        r#"{"id": "both", "text": "a", "documents": [{"text": "b"}]}"#,
        "\n",
        r#"{"id": "date", "text": "x", "pub_date": "2017-02-30"}"#,
        "\n",
        r#"{"id": "type", "text": 5}"#,
        "\n",
        "\u{fffd}\n",
        r#"{"id": "ok2", "documents": [{"name": "a", "text": "Two said \u201c3\u201d."}, {"text": "🙂 4 km"}]}"#,
        "\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"\xe9t\xe9\"}\n");
    let run = claimlens(&["analyze", "--jsonl"], &bytes);
    assert_eq!(run.code, 0, "some lines were analysed: {}", run.stderr);
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 11, "one output line per input line:\n{}", run.stdout);
    let error = |i: usize| lines[i]["error"].as_str().unwrap_or_else(|| panic!("line {i} is an error: {}", lines[i]));
    assert_eq!(lines[0]["id"], "ok1");
    assert!(lines[0].get("error").is_none() && lines[0]["documents"].is_array());
    assert!(error(1).starts_with("line 2: not JSON"), "{}", error(1));
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert!(error(2).starts_with("line 3: not JSON") && error(2).contains("EOF"), "{}", error(2));
    assert_eq!(error(3), "line 4: not a JSON object");
    assert_eq!(lines[4]["id"], 7);
    assert!(error(4).contains("nothing to analyse"), "{}", error(4));
    assert_eq!(lines[5]["id"], "both");
    assert!(error(5).contains("not both"), "{}", error(5));
    assert_eq!(lines[6]["id"], "date");
    assert!(error(6).contains("pub_date") && error(6).contains("2017-02-30"), "{}", error(6));
    assert_eq!(lines[7]["id"], "type");
    assert!(error(7).contains("line 8") && error(7).contains("expected a string"), "{}", error(7));
    assert!(error(8).starts_with("line 9: not JSON"), "{}", error(8));
    assert_eq!(lines[9]["id"], "ok2");
    assert_eq!(lines[9]["documents"].as_array().unwrap().len(), 2);
    assert!(error(10).contains("line 11: not UTF-8") && error(10).contains("column 27"), "{}", error(10));
}

#[test]
fn jsonl_with_no_analysable_line_fails() {
    let run = claimlens(&["analyze", "--jsonl"], b"nope\n{\"id\": 3}\n");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no input line could be read"), "{}", run.stderr);
    // The error lines are still written, one per input line.
    let lines = json_lines(&run.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 3);
}

#[test]
fn empty_jsonl_stdin_fails_with_a_message() {
    for input in [&b""[..], b"\n\n  \n"] {
        let run = claimlens(&["analyze", "--jsonl"], input);
        assert_ne!(run.code, 0, "{input:?}");
        assert!(run.stderr.contains("nothing to analyse"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn unknown_offset_unit_is_refused_with_the_choices() {
    let run = claimlens(&["analyze", "--offsets", "words", "-"], b"5 dead");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("use chars, utf16 or bytes"), "{}", run.stderr);
}

#[test]
fn jsonl_output_is_the_same_in_the_same_order_whatever_the_number_of_jobs() {
    // Clusters of different sizes (so they finish out of order on several threads), blank lines
    // and lines that cannot be read, with accents, emoji, CJK and curly quotes in the texts.
    let sentences = [
        "Officials said 12 people were hurt on Monday.",
        "“We counted 14 injured,” the mayor told reporters in Zürich 🙂.",
        "The storm cost $3.5 million, according to the insurer.",
        "東京 reported 40 mm of rain by 6 p.m. on March 3, 2021.",
        "About 9% of homes lost power, the utility said.",
    ];
    let mut input = String::new();
    let mut expected_lines = 0;
    for i in 0..40usize {
        match i % 9 {
            4 => input.push_str("   \n"),
            7 => {
                input.push_str("{\"id\": \"cut\n");
                expected_lines += 1;
            }
            _ => {
                let docs: Vec<_> = (0..1 + i % 4)
                    .map(|d| {
                        let text: Vec<&str> = (0..1 + (i * 7 + d) % 12).map(|k| sentences[(i + d + k) % 5]).collect();
                        serde_json::json!({"name": format!("a{d}"), "text": text.join(" ")})
                    })
                    .collect();
                input.push_str(&serde_json::json!({"id": i, "documents": docs}).to_string());
                input.push('\n');
                expected_lines += 1;
            }
        }
    }
    let one = claimlens(&["analyze", "--jsonl", "--jobs", "1"], input.as_bytes());
    assert_eq!(one.code, 0, "{}", one.stderr);
    let lines = json_lines(&one.stdout);
    assert_eq!(lines.len(), expected_lines, "one output line per non-blank input line");
    let ids: Vec<_> = lines.iter().filter(|l| l.get("error").is_none()).map(|l| l["id"].as_u64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "results in input order: {ids:?}");
    for jobs in ["2", "3", "8"] {
        let many = claimlens(&["analyze", "--jsonl", "--jobs", jobs], input.as_bytes());
        assert_eq!(many.code, 0, "{}", many.stderr);
        assert!(many.stdout == one.stdout, "--jobs {jobs} wrote something else than --jobs 1");
    }
}

#[test]
fn jobs_must_be_a_positive_count_and_go_with_jsonl() {
    let run = claimlens(&["analyze", "--jsonl", "--jobs", "0"], b"");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("--jobs"), "{}", run.stderr);
    let run = claimlens(&["analyze", "--jobs", "2", "-"], b"5 dead");
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("--jobs") && run.stderr.contains("FILES"), "{}", run.stderr);
}

#[test]
fn jsonl_run_ends_when_its_output_is_closed_while_its_input_stays_open() {
    // `tail -f clusters.jsonl | claimlens analyze --jsonl | head -1`: once the output is gone the
    // run must end, not wait for a line that a live input may never send.
    // More results than the output's buffer holds, so the CLI does write (and fail) before it
    // has read all there is.
    let line = "{\"id\": 1, \"documents\": [{\"name\": \"a\", \"text\": \"Officials said 12 people were hurt.\"}]}\n";
    let lines = line.repeat(400);
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
            .args(["analyze", "--jsonl", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the CLI starts");
        drop(child.stdout.take());
        let mut input = child.stdin.take().unwrap();
        input.write_all(lines.as_bytes()).expect("the CLI reads its input");
        // The input stays open (held until the end of this iteration). A hang is reported as a
        // failure after a generous wait, not as a stuck test run.
        let mut waited = std::time::Duration::ZERO;
        let status = loop {
            if let Some(status) = child.try_wait().expect("the CLI's status") {
                break Some(status);
            }
            if waited > std::time::Duration::from_secs(60) {
                child.kill().ok();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
            waited += std::time::Duration::from_millis(50);
        };
        let status = status.unwrap_or_else(|| panic!("--jobs {jobs}: still running with its output closed"));
        assert!(!status.success(), "--jobs {jobs}: a run that could not write its output must fail");
        drop(input);
    }
}
