//! The JS API in a real browser: `analyze` returns a plain object whose offsets are UTF-16 code
//! units, so `text.slice(start, end)` is the span even after emoji, CJK and accents.
#![cfg(target_arch = "wasm32")]

use claimlens::wasm::{analyze, analyze_json, analyze_json_bytes};
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn doc(name: &str, text: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &name.into()).unwrap();
    Reflect::set(&o, &"text".into(), &text.into()).unwrap();
    o.into()
}

/// Every number's `text` equals `text.slice(start, end)` of the JS string.
fn assert_numbers_slice(out: &JsValue, texts: &[&str]) -> usize {
    let docs = Array::from(&get(out, "documents"));
    let mut checked = 0;
    for (i, d) in docs.iter().enumerate() {
        let js_text = JsString::from(texts[i]);
        for n in Array::from(&get(&d, "numbers")).iter() {
            let (start, end) = (get(&n, "start").as_f64().unwrap() as u32, get(&n, "end").as_f64().unwrap() as u32);
            let sliced: String = js_text.slice(start, end).into();
            assert_eq!(sliced, get(&n, "text").as_string().unwrap());
            checked += 1;
        }
    }
    checked
}

#[wasm_bindgen_test]
fn offsets_are_utf16_so_slice_selects_the_span_after_emoji_cjk_and_accents() {
    let text = "😀🎉 東京の記者 — café “résumé” said 212 people left, and 48 stayed.";
    let out = analyze(Array::of1(&doc("emoji", text)).into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&out, "offsets").as_string().as_deref(), Some("utf16"));
    let numbers = Array::from(&get(&Array::from(&get(&out, "documents")).get(0), "numbers"));
    let texts: Vec<String> = numbers.iter().map(|n| get(&n, "text").as_string().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("212")), "found {texts:?}");
    assert!(assert_numbers_slice(&out, &[text]) >= 2);
    let first = numbers.iter().find(|n| get(n, "text").as_string().unwrap().contains("212")).unwrap();
    let start = get(&first, "start").as_f64().unwrap() as usize;
    // In UTF-16 each emoji counts 2 units (in code points it would count 1).
    let byte = text.find("212").unwrap();
    assert_eq!(start, text[..byte].encode_utf16().count());
    assert_ne!(start, text[..byte].chars().count());
}

#[wasm_bindgen_test]
fn accepts_a_plain_string_and_string_arrays() {
    let text = "Ünïcödé: 7 boats and 3 planes.";
    let one = analyze(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    let many = analyze(Array::of2(&text.into(), &"Ñ 5 cars.".into()).into(), JsValue::NULL).unwrap();
    assert_eq!(Array::from(&get(&one, "documents")).length(), 1);
    assert_eq!(Array::from(&get(&many, "documents")).length(), 2);
    assert!(assert_numbers_slice(&many, &[text, "Ñ 5 cars."]) >= 2);
}

#[wasm_bindgen_test]
fn chars_offsets_count_code_points_when_asked() {
    let text = "😀 9 ships";
    let opts = JSON::parse(r#"{"offsets": "chars"}"#).unwrap();
    let out = analyze(JsValue::from_str(text), opts).unwrap();
    let n = Array::from(&get(&Array::from(&get(&out, "documents")).get(0), "numbers")).get(0);
    assert_eq!(get(&n, "start").as_f64(), Some(2.0));
    assert_eq!(get(&n, "end").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn result_is_a_plain_object_that_json_round_trips() {
    let out = analyze(JsValue::from_str("Über 40 Menschen."), JsValue::UNDEFINED).unwrap();
    assert!(out.is_object());
    assert!(Array::is_array(&get(&out, "contradictions")));
    let json: String = JSON::stringify(&out).unwrap().into();
    assert!(json.contains("\"documents\""));
}

#[wasm_bindgen_test]
fn rejects_bad_options_and_bad_dates_with_a_message() {
    let bad_date = JSON::parse(r#"{"pub_date": "2026-02-30"}"#).unwrap();
    let err = analyze(JsValue::from_str("x"), bad_date).expect_err("an error");
    let msg: String = JsValue::from(err).unchecked_into::<js_sys::Error>().message().into();
    assert!(msg.contains("pub_date"), "{msg}");
    assert!(analyze(JsValue::from_f64(3.0), JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn worker_entry_returns_utf16_json_or_an_error_object() {
    let out = analyze_json(r#"{"documents": [{"name": "a", "text": "🚢 12 ferries"}]}"#);
    let v = JSON::parse(&String::from(out)).unwrap();
    let n = Array::from(&get(&Array::from(&get(&v, "documents")).get(0), "numbers")).get(0);
    assert_eq!(get(&n, "start").as_f64(), Some(3.0));
    let err = JSON::parse(&String::from(analyze_json("{not json"))).unwrap();
    assert!(get(&err, "error").as_string().unwrap().starts_with("request"));
}

/// Both faces hold exactly the output model of the analysis (`output::render`, as serde writes
/// it), though they write their JSON straight from the analysis.
#[wasm_bindgen_test]
fn both_entries_hold_the_output_model_of_the_analysis() {
    use claimlens::output::{render, OffsetUnit};
    let texts = [
        "Officials said 59 cruise missiles 👍🏽 struck the base on April 7, 2017, killing 4 people. \
         “We fired 59 Tomahawks,” said Jeff Davis. 東京 reported 3 dead.",
        "The US fired 60 cruise missiles at the base on April 6, 2017, killing 6 people, the Pentagon said. \
         Café prices rose 4%.",
    ];
    let docs: Vec<claimlens::Document> =
        texts.iter().enumerate().map(|(i, t)| claimlens::Document::new(format!("d{i}"), *t)).collect();
    let analysis = claimlens::analyze(&docs, &claimlens::Options::default());
    assert!(!analysis.contradictions.is_empty());
    // Through JS on both sides, where 59.0 and 59 are the same number; keys are sorted on both.
    let in_js = |json: &str| String::from(JSON::stringify(&JSON::parse(json).unwrap()).unwrap());
    let model = in_js(&serde_json::to_value(render(&docs, &analysis, OffsetUnit::Utf16)).unwrap().to_string());

    let js_docs = Array::of2(&doc("d0", texts[0]), &doc("d1", texts[1]));
    let out = analyze(js_docs.clone().into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(String::from(JSON::stringify(&out).unwrap()), model);

    let request = format!(r#"{{"documents": {}}}"#, String::from(JSON::stringify(&js_docs).unwrap()));
    assert_eq!(in_js(&String::from(analyze_json(&request))), model);
    // The worker's entry: the same JSON as UTF-8 bytes (emoji, CJK, curly quotes and accents).
    let bytes = analyze_json_bytes(&request).to_vec();
    assert_eq!(String::from_utf8(bytes).expect("UTF-8"), String::from(analyze_json(&request)));
}

#[wasm_bindgen_test]
fn worker_bytes_entry_gives_an_error_object_for_a_bad_request() {
    let bytes = analyze_json_bytes("{not json").to_vec();
    let err = JSON::parse(&String::from_utf8(bytes).expect("UTF-8")).unwrap();
    assert!(get(&err, "error").as_string().unwrap().starts_with("request"));
}
