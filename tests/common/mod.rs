//! Shared helpers of the integration tests: a small JSON-schema validator for the subset of draft 2020-12 that
//! `schema/article.schema.json` uses. It refuses any other keyword, so the schema cannot come to rely on
//! something these tests would silently ignore.
#![allow(dead_code)]

use regex::Regex;
use serde_json::Value;

/// The output schema, parsed.
pub fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/article.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
        .expect("schema is JSON")
}

/// Keywords that only annotate.
const ANNOTATIONS: [&str; 5] = ["$schema", "$defs", "title", "description", "$comment"];

/// Validates values against the schema held in `root`.
pub struct Validator {
    /// The schema.
    pub root: Value,
}

impl Validator {
    /// Every violation of the schema by `v` (empty when valid).
    pub fn errors(&self, v: &Value) -> Vec<String> {
        let mut errs = Vec::new();
        self.check(&self.root, v, "$", &mut errs);
        errs
    }

    /// True when `v` validates.
    pub fn is_valid(&self, v: &Value) -> bool {
        self.errors(v).is_empty()
    }

    fn resolve(&self, r: &str) -> &Value {
        let name = r
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("unsupported $ref {r}"));
        self.root["$defs"]
            .get(name)
            .unwrap_or_else(|| panic!("no definition {name}"))
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
        let Some(obj) = schema.as_object() else {
            panic!("schema at {at} is not an object");
        };
        for (key, s) in obj {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => self.check(self.resolve(s.as_str().unwrap()), v, at, errs),
                "type" => {
                    let types: Vec<&str> = match s {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("bad type at {at}"),
                    };
                    if !types.iter().any(|t| type_matches(t, v)) {
                        errs.push(format!("{at}: {v} is not of type {types:?}"));
                    }
                }
                "enum" => {
                    if !s.as_array().unwrap().contains(v) {
                        errs.push(format!("{at}: {v} not in {s}"));
                    }
                }
                "const" => {
                    if s != v {
                        errs.push(format!("{at}: {v} is not {s}"));
                    }
                }
                "pattern" => {
                    if let Some(text) = v.as_str() {
                        if !Regex::new(s.as_str().unwrap()).unwrap().is_match(text) {
                            errs.push(format!("{at}: {text:?} does not match {s}"));
                        }
                    }
                }
                "minimum" => {
                    if let Some(n) = v.as_f64() {
                        if n < s.as_f64().unwrap() {
                            errs.push(format!("{at}: {n} below {s}"));
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let Some(items) = v.as_array() {
                        let bound = s.as_u64().unwrap() as usize;
                        let bad = if key == "minItems" {
                            items.len() < bound
                        } else {
                            items.len() > bound
                        };
                        if bad {
                            errs.push(format!("{at}: {} items breaks {key} {bound}", items.len()));
                        }
                    }
                }
                "items" => {
                    if let Some(items) = v.as_array() {
                        for (i, item) in items.iter().enumerate() {
                            self.check(s, item, &format!("{at}[{i}]"), errs);
                        }
                    }
                }
                "properties" => {
                    if let Some(o) = v.as_object() {
                        for (name, sub) in s.as_object().unwrap() {
                            if let Some(field) = o.get(name) {
                                self.check(sub, field, &format!("{at}.{name}"), errs);
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(o) = v.as_object() {
                        for name in s.as_array().unwrap() {
                            if !o.contains_key(name.as_str().unwrap()) {
                                errs.push(format!("{at}: missing {name}"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    assert_eq!(
                        s,
                        &Value::Bool(false),
                        "only additionalProperties: false is supported"
                    );
                    if let Some(o) = v.as_object() {
                        let known = obj.get("properties").and_then(Value::as_object);
                        for name in o.keys() {
                            if !known.is_some_and(|k| k.contains_key(name)) {
                                errs.push(format!("{at}: unexpected field {name}"));
                            }
                        }
                    }
                }
                "oneOf" => {
                    let passing = s
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|sub| {
                            let mut e = Vec::new();
                            self.check(sub, v, at, &mut e);
                            e.is_empty()
                        })
                        .count();
                    if passing != 1 {
                        errs.push(format!("{at}: {passing} of oneOf match"));
                    }
                }
                other => {
                    panic!("keyword {other} (at {at}) is not supported by this test's validator")
                }
            }
        }
    }
}

/// Whether `v` has the JSON-schema type `t`.
pub fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// A validator for the output schema.
pub fn validator() -> Validator {
    Validator { root: schema() }
}

/// Panics with every violation when `record` does not validate.
pub fn assert_valid(v: &Validator, record: &Value) {
    let errs = v.errors(record);
    assert!(errs.is_empty(), "{errs:#?}\nrecord: {record:#}");
}
