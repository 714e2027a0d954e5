//! JSON article input: one object, an array of objects, or JSON Lines (one object per line).
//!
//! Each object is one article. By default the body is read from the first present field of
//! `text|body|content|articleBody`, the headline from `title|headline`, the id from `id|url` and the
//! publication date from `date|published|datePublished`; [`JsonFields`] changes these lists. When no text
//! field is present, an `html` field is parsed as an HTML page instead.
//!
//! Sources: an article's `source` is its id when it has one, else the fallback the caller gives (the CLI uses
//! `PATH#N`, N being the 1-based index in the array or the line number in a JSONL file).

use serde_json::{Map, Value};

use super::Document;
use crate::error::{Error, ErrorKind};

/// Which JSON fields hold which part of an article. Each list is tried in order; the first present
/// (non-null) field wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonFields {
    /// Fields holding the plain-text body.
    pub text: Vec<String>,
    /// Fields holding the headline.
    pub title: Vec<String>,
    /// Fields holding the article's identifier (strings or numbers).
    pub id: Vec<String>,
    /// Fields holding the publication date (kept as written).
    pub date: Vec<String>,
    /// Fields holding an HTML page, used when no text field is present.
    pub html: Vec<String>,
}

impl Default for JsonFields {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        JsonFields {
            text: v(&["text", "body", "content", "articleBody"]),
            title: v(&["title", "headline"]),
            id: v(&["id", "url"]),
            date: v(&["date", "published", "datePublished"]),
            html: v(&["html"]),
        }
    }
}

/// The body of a JSON article: plain text, or an HTML page still to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonBody {
    /// Plain text.
    Text(String),
    /// An HTML page.
    Html(String),
}

/// An article read from a JSON object, before it becomes a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonArticle {
    /// The id field, when present.
    pub id: Option<String>,
    /// The title field, when present.
    pub title: Option<String>,
    /// The date field, when present.
    pub date: Option<String>,
    /// The body.
    pub body: JsonBody,
    /// Non-fatal problems (e.g. a title that is not a string).
    pub warnings: Vec<String>,
}

impl JsonArticle {
    /// Reads an article from one JSON value, which must be an object with a non-empty string text (or html)
    /// field. A text field of the wrong type is an error (kind `json`); an empty one is kind `empty`.
    pub fn from_value(value: &Value, fields: &JsonFields) -> Result<Self, Error> {
        let obj = value.as_object().ok_or_else(|| {
            Error::new(
                ErrorKind::Json,
                format!("expected a JSON object, found {}", type_name(value)),
            )
        })?;
        let mut warnings = Vec::new();
        let id = id_of(value, fields);
        let title = optional_string(obj, &fields.title, &mut warnings);
        let date = optional_string(obj, &fields.date, &mut warnings);
        let body = match first_present(obj, &fields.text) {
            Some((name, v)) => JsonBody::Text(required_string(name, v)?),
            None => match first_present(obj, &fields.html) {
                Some((name, v)) => JsonBody::Html(required_string(name, v)?),
                None => {
                    let mut names: Vec<&str> = fields.text.iter().map(String::as_str).collect();
                    names.extend(fields.html.iter().map(String::as_str));
                    return Err(Error::new(
                        ErrorKind::Json,
                        format!("no text field (looked for {})", names.join("|")),
                    ));
                }
            },
        };
        Ok(JsonArticle {
            id,
            title,
            date,
            body,
            warnings,
        })
    }

    /// Parses one JSON Lines line into an article.
    pub fn from_line(line: &str, fields: &JsonFields) -> Result<Self, Error> {
        let value: Value = serde_json::from_str(line.trim_start_matches('\u{feff}'))
            .map_err(|e| Error::new(ErrorKind::Json, format!("invalid JSON: {e}")))?;
        Self::from_value(&value, fields)
    }

    /// Turns the article into a [`Document`], its source being the id when present, else `fallback_source`.
    /// A plain-text body goes through [`Document::from_text`] (so a title line becomes the headline when the
    /// object has no title); an HTML body goes through [`super::html::parse_html`].
    pub fn into_document(self, fallback_source: String) -> Result<Document, Error> {
        self.into_document_with(fallback_source, super::html::parse_html)
    }

    /// As [`JsonArticle::into_document`], with the given HTML parser. A plain-text body goes through [`Document::from_text`] (so a title line becomes the headline when the
    /// object has no title); an HTML body goes through `parse_html`.
    pub fn into_document_with(
        self,
        fallback_source: String,
        parse_html: impl FnOnce(&str, Option<String>) -> Result<Document, Error>,
    ) -> Result<Document, Error> {
        let source = self.id.unwrap_or(fallback_source);
        let mut doc = match self.body {
            JsonBody::Text(text) => Document::from_text(Some(source), &text),
            JsonBody::Html(html) => parse_html(&html, Some(source))?,
        };
        if self.title.is_some() {
            doc.headline = self.title;
        }
        if self.date.is_some() {
            doc.published = self.date;
        }
        doc.warnings.extend(self.warnings);
        Ok(doc)
    }
}

/// The id of a JSON article (a string, or a number written as text), when it has one.
pub fn id_of(value: &Value, fields: &JsonFields) -> Option<String> {
    let obj = value.as_object()?;
    match first_present(obj, &fields.id)?.1 {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses a `.json` input: one object (one article) or an array of values (one article each). Returns the
/// values in order; an error here (malformed JSON, a top-level scalar) concerns the whole input.
pub fn parse_json_values(text: &str) -> Result<Vec<Value>, Error> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| Error::new(ErrorKind::Json, format!("invalid JSON: {e}")))?;
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(_) => Ok(vec![value]),
        other => Err(Error::new(
            ErrorKind::Json,
            format!(
                "expected an object or an array of objects, found {}",
                type_name(&other)
            ),
        )),
    }
}

fn first_present<'a>(
    obj: &'a Map<String, Value>,
    names: &'a [String],
) -> Option<(&'a str, &'a Value)> {
    names
        .iter()
        .find_map(|n| obj.get(n).filter(|v| !v.is_null()).map(|v| (n.as_str(), v)))
}

fn required_string(name: &str, value: &Value) -> Result<String, Error> {
    match value {
        Value::String(s) if s.trim().is_empty() => Err(Error::new(
            ErrorKind::Empty,
            format!("field `{name}` is empty"),
        )),
        Value::String(s) => Ok(s.clone()),
        other => Err(Error::new(
            ErrorKind::Json,
            format!("field `{name}` is {}, expected a string", type_name(other)),
        )),
    }
}

fn optional_string(
    obj: &Map<String, Value>,
    names: &[String],
    warnings: &mut Vec<String>,
) -> Option<String> {
    let (name, value) = first_present(obj, names)?;
    match value {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_string()),
        other => {
            warnings.push(format!(
                "field `{name}` is {}, expected a string: ignored",
                type_name(other)
            ));
            None
        }
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn no_html(_: &str, _: Option<String>) -> Result<Document, Error> {
        Err(Error::new(ErrorKind::Html, "unused"))
    }

    #[test]
    fn default_fields_read_text_title_id_date() {
        let v = json!({"url": "https://example.org/a", "headline": "Big Win", "articleBody": "Body here.",
                       "datePublished": "2024-05-01"});
        let a = JsonArticle::from_value(&v, &JsonFields::default()).unwrap();
        assert_eq!(a.id.as_deref(), Some("https://example.org/a"));
        let doc = a.into_document_with("f.json#1".into(), no_html).unwrap();
        assert_eq!(doc.source.as_deref(), Some("https://example.org/a"));
        assert_eq!(doc.headline.as_deref(), Some("Big Win"));
        assert_eq!(doc.published.as_deref(), Some("2024-05-01"));
        assert_eq!(doc.body, "Body here.");
    }

    #[test]
    fn fallback_source_and_numeric_id() {
        let fields = JsonFields::default();
        let a = JsonArticle::from_value(&json!({"text": "Some words here."}), &fields).unwrap();
        let doc = a.into_document_with("x.jsonl#3".into(), no_html).unwrap();
        assert_eq!(doc.source.as_deref(), Some("x.jsonl#3"));
        assert_eq!(
            id_of(&json!({"id": 17, "text": "t"}), &fields).as_deref(),
            Some("17")
        );
    }

    #[test]
    fn wrong_types_and_missing_fields_are_errors() {
        let f = JsonFields::default();
        let e = JsonArticle::from_value(&json!({"text": 5}), &f).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Json);
        assert!(e.message.contains("`text` is a number"), "{}", e.message);
        let e = JsonArticle::from_value(&json!({"text": "  "}), &f).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Empty);
        let e = JsonArticle::from_value(&json!({"title": "T"}), &f).unwrap_err();
        assert!(e.message.starts_with("no text field"), "{}", e.message);
        let e = JsonArticle::from_value(&json!([1, 2]), &f).unwrap_err();
        assert!(e.message.contains("an array"), "{}", e.message);
        let e = JsonArticle::from_line("{\"text\": \"abc\"", &f).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Json);
    }

    #[test]
    fn non_string_title_is_a_warning() {
        let a = JsonArticle::from_value(
            &json!({"text": "Words.", "title": 3}),
            &JsonFields::default(),
        )
        .unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn custom_fields_and_html_body() {
        let fields = JsonFields {
            text: vec!["story".into()],
            ..JsonFields::default()
        };
        let a =
            JsonArticle::from_value(&json!({"story": "Told here.", "text": 1}), &fields).unwrap();
        assert_eq!(a.body, JsonBody::Text("Told here.".into()));
        let a = JsonArticle::from_value(&json!({"html": "<p>Hi there</p>"}), &fields).unwrap();
        assert_eq!(a.body, JsonBody::Html("<p>Hi there</p>".into()));
        let doc = a
            .into_document_with("s".into(), |h, src| {
                Ok(Document::from_text(
                    src,
                    &h.replace("<p>", "").replace("</p>", ""),
                ))
            })
            .unwrap();
        assert_eq!(doc.body, "Hi there");
    }

    #[test]
    fn json_values_object_or_array() {
        assert_eq!(parse_json_values("{\"text\": \"a\"}").unwrap().len(), 1);
        assert_eq!(parse_json_values("\u{feff}[{}, {}, 3]").unwrap().len(), 3);
        assert_eq!(
            parse_json_values("\"str\"").unwrap_err().kind,
            ErrorKind::Json
        );
        assert_eq!(parse_json_values("[{").unwrap_err().kind, ErrorKind::Json);
    }
}
