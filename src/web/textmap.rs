//! The text of a DOM subtree as the engine sees it, and the way back from UTF-16 offsets in that
//! text to DOM ranges. Highlights are ranges over the page's own text nodes: the text is never
//! rewritten to show them.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, Text};

/// Elements that start a new paragraph when their text is read.
const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "LI",
    "UL",
    "OL",
    "BLOCKQUOTE",
    "PRE",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "ASIDE",
    "FIGURE",
    "FIGCAPTION",
    "TABLE",
    "TR",
    "DD",
    "DT",
    "MAIN",
    "NAV",
];

/// Elements whose text is not part of the article.
const SKIPPED: &[&str] = &["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "BUTTON", "INPUT", "SELECT", "TEXTAREA"];

/// The text of a subtree, with each text node's place in it (in UTF-16 code units).
pub struct TextMap {
    pub text: String,
    nodes: Vec<(Text, usize)>,
    len16: usize,
}

impl TextMap {
    /// Reads `root`'s text: text nodes in order, `<br>` as a newline, `block_break` between
    /// blocks; elements marked `data-claimlens-ui` (the widget itself) are skipped.
    pub fn build(root: &Node, block_break: &str) -> TextMap {
        let mut map = TextMap { text: String::new(), nodes: Vec::new(), len16: 0 };
        map.walk(root, block_break);
        map
    }

    fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.len16 += s.encode_utf16().count();
    }

    fn walk(&mut self, node: &Node, block_break: &str) {
        let mut child = node.first_child();
        while let Some(c) = child {
            match c.node_type() {
                Node::TEXT_NODE => {
                    let t: Text = c.clone().unchecked_into();
                    let data = t.data();
                    self.nodes.push((t, self.len16));
                    self.push_str(&data);
                }
                Node::ELEMENT_NODE => {
                    let e: &Element = c.unchecked_ref();
                    let tag = e.tag_name().to_ascii_uppercase();
                    if e.has_attribute("data-claimlens-ui") || SKIPPED.contains(&tag.as_str()) {
                    } else if tag == "BR" {
                        self.push_str("\n");
                    } else if BLOCKS.contains(&tag.as_str()) {
                        self.block_break(block_break);
                        self.walk(&c, block_break);
                        self.block_break(block_break);
                    } else {
                        self.walk(&c, block_break);
                    }
                }
                _ => {}
            }
            child = c.next_sibling();
        }
    }

    /// Ends the current line with `block_break`, unless the text is empty or already ends so.
    fn block_break(&mut self, block_break: &str) {
        if self.text.is_empty() || self.text.ends_with(block_break) {
            return;
        }
        let missing = if block_break == "\n\n" && self.text.ends_with('\n') { "\n" } else { block_break };
        self.push_str(missing);
    }

    /// True when the subtree is one text node (or nothing): its text is exactly the DOM's.
    pub fn is_plain(&self, root: &Node) -> bool {
        let children = root.child_nodes().length();
        children == 0 || (children == 1 && self.nodes.len() == 1)
    }

    /// Where a UTF-16 offset falls: the text node and the offset in it. `prefer_next` picks the
    /// following node when the offset is exactly between two (for the start of a range).
    fn locate(&self, offset: usize, prefer_next: bool) -> Option<(&Text, u32)> {
        if self.nodes.is_empty() {
            return None;
        }
        let i = if prefer_next {
            self.nodes.partition_point(|(_, s)| *s <= offset)
        } else {
            self.nodes.partition_point(|(_, s)| *s < offset)
        };
        let (node, start) = &self.nodes[i.saturating_sub(1)];
        let len = node.length() as usize;
        let within = offset.saturating_sub(*start).min(len);
        Some((node, within as u32))
    }

    /// A DOM range over `start..end` (UTF-16 offsets into `text`).
    pub fn range(&self, start: usize, end: usize) -> Option<Range> {
        let (sn, so) = self.locate(start.min(self.len16), true)?;
        let (en, eo) = self.locate(end.min(self.len16), false)?;
        let range = super::dom::document().create_range().ok()?;
        range.set_start(sn, so).ok()?;
        range.set_end(en, eo).ok()?;
        Some(range)
    }

    /// The UTF-16 offset in `text` of a DOM position, if it is inside one of the mapped text nodes.
    pub fn offset_of(&self, node: &Node, offset: u32) -> Option<usize> {
        self.nodes.iter().find(|(t, _)| t.is_same_node(Some(node))).map(|(_, start)| start + offset as usize)
    }

    pub fn len16(&self) -> usize {
        self.len16
    }
}

/// Converts a UTF-16 offset into a byte offset of `text` (clamped to its end).
pub fn utf16_to_byte(text: &str, offset16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= offset16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The readable text of parsed HTML (a `DOMParser` document, never attached to the page):
/// whitespace collapsed as a browser would, blocks as paragraphs, scripts and styles dropped.
pub fn html_text(root: &Node) -> String {
    fn walk(node: &Node, out: &mut String) {
        let mut child = node.first_child();
        while let Some(c) = child {
            match c.node_type() {
                Node::TEXT_NODE => {
                    let data = c.text_content().unwrap_or_default();
                    let collapsed = super::io::collapse_html_whitespace(&data);
                    let trimmed = if out.is_empty() || out.ends_with('\n') || out.ends_with(' ') {
                        collapsed.trim_start()
                    } else {
                        &collapsed
                    };
                    out.push_str(trimmed);
                }
                Node::ELEMENT_NODE => {
                    let e: &Element = c.unchecked_ref();
                    let tag = e.tag_name().to_ascii_uppercase();
                    if SKIPPED.contains(&tag.as_str()) || tag == "HEAD" {
                    } else if tag == "BR" {
                        out.push('\n');
                    } else if BLOCKS.contains(&tag.as_str()) {
                        out.push_str("\n\n");
                        walk(&c, out);
                        out.push_str("\n\n");
                    } else {
                        walk(&c, out);
                    }
                }
                _ => {}
            }
            child = c.next_sibling();
        }
    }
    let mut out = String::new();
    walk(root, &mut out);
    super::io::tidy_paragraphs(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm::web::dom::{append, append_text, el, el_text};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn maps_utf16_offsets_to_ranges_across_text_nodes() {
        let root = el("div", "");
        append_text(&root, "😀 Café ");
        append(&root, &el_text("b", "", "東京 212"));
        append_text(&root, " ships");
        let map = TextMap::build(&root, "\n");
        assert_eq!(map.text, "😀 Café 東京 212 ships");
        let start = map.text[..map.text.find("212").unwrap()].encode_utf16().count();
        let range = map.range(start, start + 3).unwrap();
        assert_eq!(String::from(range.to_string()), "212");
        let across = map.range(start - 3, start + 9).unwrap();
        assert_eq!(String::from(across.to_string()), "東京 212 ships");
    }

    #[wasm_bindgen_test]
    fn reads_blocks_and_line_breaks_as_newlines() {
        let root = el("div", "");
        let p = el_text("p", "", "One “quote”.");
        append(&p, &el("br", ""));
        append_text(&p, "Same paragraph.");
        append(&root, &p);
        append(&root, &el_text("p", "", "Two."));
        let ui = el_text("div", "", "widget text");
        ui.set_attribute("data-claimlens-ui", "").unwrap();
        append(&root, &ui);
        assert_eq!(TextMap::build(&root, "\n\n").text, "One “quote”.\nSame paragraph.\n\nTwo.\n\n");
    }

    #[wasm_bindgen_test]
    fn finds_the_offset_of_a_dom_position() {
        let root = el("div", "");
        append_text(&root, "é😀");
        let second = dom_text(" 5 km");
        root.append_child(&second).unwrap();
        let map = TextMap::build(&root, "\n");
        assert_eq!(map.offset_of(&second, 1), Some(4));
        assert_eq!(map.len16(), 8);
    }

    #[wasm_bindgen_test]
    fn converts_utf16_offsets_to_byte_offsets() {
        let text = "😀é 3";
        assert_eq!(utf16_to_byte(text, 2), 4);
        assert_eq!(utf16_to_byte(text, 3), 6);
        assert_eq!(utf16_to_byte(text, 99), text.len());
    }

    #[wasm_bindgen_test]
    fn reduces_html_to_text_without_scripts() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><h1>Big  \n news</h1>\
                    <script>alert(1)</script><p>At <b>least</b> 3 <i>km</i>.</p><p>Next</p></body></html>";
        assert_eq!(crate::wasm::web::page::html_to_text(html), "Big news\n\nAt least 3 km.\n\nNext");
    }

    fn dom_text(s: &str) -> web_sys::Text {
        crate::wasm::web::dom::document().create_text_node(s)
    }
}
