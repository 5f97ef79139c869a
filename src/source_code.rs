//! The crate's own source, for tests that keep a rule over all of it ("stable sorts go through
//! `sort.rs`").

/// Each `.rs` file under `src/` as (path relative to the crate, e.g. "src/sort.rs"; its code before
/// the first `#[cfg(test)]`, since unit tests at the end of a file may do as they like).
pub fn files_before_tests() -> Vec<(String, String)> {
    fn visit(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                visit(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                let code = code.split("#[cfg(test)]").next().unwrap_or_default().to_string();
                let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                out.push((relative, code));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    visit(&root.join("src"), root, &mut out);
    out.sort();
    out
}
