//! A report as plain sections of blocks, written out as print-ready HTML or as Markdown.
//!
//! Every report is built once as a [`Page`], then written in either format, so both always hold
//! the same content. Every text that comes from the user is escaped; images are embedded as
//! `data:` URIs, so each file stands alone.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::model::Language;

/// A chart image, or why there is none.
#[derive(Clone, Debug)]
pub struct Image {
    /// A PNG file, or the sentence shown in its place.
    pub png: Result<Vec<u8>, String>,
    /// What the image shows, for screen readers and Markdown viewers without images.
    pub alt: String,
}

/// A piece of a report section.
#[derive(Clone, Debug)]
pub enum Block {
    /// Label and value rows.
    Fields(Vec<(String, String)>),
    Paragraph(String),
    List(Vec<String>),
    /// A table with a header row; `numeric` marks the columns aligned right.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: Vec<bool>,
    },
    /// Key figures as large numbers with a caption each.
    Figures(Vec<(String, String)>),
    Image(Image),
}

impl Block {
    /// A table whose columns after the first are numbers (aligned right).
    #[must_use]
    pub fn numbers_table(header: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        let numeric = (0..header.len()).map(|i| i > 0).collect();
        Self::Table {
            header,
            rows,
            numeric,
        }
    }
}

/// A titled part of a report.
#[derive(Clone, Debug)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
    /// Printed on a new page (long sections with images).
    pub new_page: bool,
}

impl Section {
    #[must_use]
    pub fn new(title: impl Into<String>, blocks: Vec<Block>) -> Self {
        Self {
            title: title.into(),
            blocks,
            new_page: false,
        }
    }
}

/// A whole report.
#[derive(Clone, Debug)]
pub struct Page {
    pub lang: Language,
    pub title: String,
    /// Lines under the title (author, date …).
    pub subtitle: Vec<String>,
    pub sections: Vec<Section>,
}

/// The `lang` attribute of a page in `lang`.
#[must_use]
pub const fn html_lang(lang: Language) -> &'static str {
    match lang {
        Language::English => "en",
        Language::TraditionalChinese => "zh-Hant",
        Language::SimplifiedChinese => "zh-Hans",
    }
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

fn png_uri(png: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

impl Page {
    /// The report as one self-contained, printable HTML file.
    #[must_use]
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
            html_lang(self.lang),
            esc(&self.title),
            STYLE,
            esc(&self.title),
        );
        for line in &self.subtitle {
            let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(line).replace('\n', "<br>"));
        }
        out.push_str("</header>\n");
        for section in &self.sections {
            let class = if section.new_page {
                " class=\"new-page\""
            } else {
                ""
            };
            let _ = writeln!(out, "<section{class}>\n<h2>{}</h2>", esc(&section.title));
            for block in &section.blocks {
                html_block(&mut out, block);
            }
            out.push_str("</section>\n");
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    /// The report as Markdown, images embedded as `data:` URIs.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "# {}\n\n", md(&self.title));
        for line in &self.subtitle {
            let _ = writeln!(out, "{}  ", md(line));
        }
        for section in &self.sections {
            let _ = write!(out, "\n## {}\n\n", md(&section.title));
            for block in &section.blocks {
                markdown_block(&mut out, block);
            }
        }
        out
    }
}

fn html_block(out: &mut String, block: &Block) {
    match block {
        Block::Fields(rows) => {
            out.push_str("<table class=\"fields\">\n");
            for (label, value) in rows {
                let _ = writeln!(
                    out,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    esc(label),
                    esc(value).replace('\n', "<br>")
                );
            }
            out.push_str("</table>\n");
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", esc(text).replace('\n', "<br>"));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", esc(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Table {
            header,
            rows,
            numeric,
        } => {
            let class = |i: usize| {
                if numeric.get(i).copied().unwrap_or(false) {
                    " class=\"num\""
                } else {
                    ""
                }
            };
            out.push_str("<table class=\"grid\">\n<thead><tr>");
            for (i, h) in header.iter().enumerate() {
                let _ = write!(out, "<th{}>{}</th>", class(i), esc(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let _ = write!(out, "<td{}>{}</td>", class(i), esc(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Figures(items) => {
            out.push_str("<div class=\"figures\">\n");
            for (caption, value) in items {
                let _ = writeln!(
                    out,
                    "<div class=\"figure\"><div class=\"value\">{}</div><div class=\"caption\">{}</div></div>",
                    esc(value),
                    esc(caption)
                );
            }
            out.push_str("</div>\n");
        }
        Block::Image(image) => match &image.png {
            Ok(png) => {
                let _ = writeln!(
                    out,
                    "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    png_uri(png),
                    esc(&image.alt),
                    esc(&image.alt)
                );
            }
            Err(note) => {
                let _ = writeln!(
                    out,
                    "<figure class=\"missing\"><p class=\"note\">{}</p><figcaption>{}</figcaption></figure>",
                    esc(note),
                    esc(&image.alt)
                );
            }
        },
    }
}

fn markdown_block(out: &mut String, block: &Block) {
    match block {
        Block::Fields(rows) => {
            for (label, value) in rows {
                let _ = writeln!(out, "- **{}:** {}", md(label), md(value));
            }
            out.push('\n');
        }
        Block::Paragraph(text) => {
            let _ = write!(out, "{}\n\n", md(text));
        }
        Block::List(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", md(item));
            }
            out.push('\n');
        }
        Block::Table {
            header,
            rows,
            numeric,
        } => {
            let cells = |row: &[String]| row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ");
            let _ = writeln!(out, "| {} |", cells(header));
            let rule: String = (0..header.len())
                .map(|i| {
                    if numeric.get(i).copied().unwrap_or(false) {
                        "---:|"
                    } else {
                        "---|"
                    }
                })
                .collect();
            let _ = writeln!(out, "|{rule}");
            for row in rows {
                let _ = writeln!(out, "| {} |", cells(row));
            }
            out.push('\n');
        }
        Block::Figures(items) => {
            let _ = writeln!(
                out,
                "| {} |",
                items.iter().map(|(c, _)| md(c)).collect::<Vec<_>>().join(" | ")
            );
            let _ = writeln!(out, "|{}", "---:|".repeat(items.len()));
            let _ = write!(
                out,
                "| {} |\n\n",
                items
                    .iter()
                    .map(|(_, v)| format!("**{}**", md(v)))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        Block::Image(image) => match &image.png {
            Ok(png) => {
                let _ = write!(out, "![{}]({})\n\n", md(&image.alt), png_uri(png));
            }
            Err(note) => {
                let _ = write!(out, "> {} ({})\n\n", md(note), md(&image.alt));
            }
        },
    }
}

/// A4 pages: sections that start a new page, headings kept with what follows, rows, figures
/// and images never split, and table headers repeated on each page.
const STYLE: &str = "@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, 'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Noto Sans', sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1d; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 1.7rem; margin: 0 0 0.3rem 0; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #bbb; margin-top: 1.8rem; padding-bottom: 0.15rem; }
.sub { color: #555; margin: 0.1rem 0; }
table { border-collapse: collapse; margin: 0.6rem 0; }
table.fields th { text-align: left; font-weight: 600; padding: 0.2rem 1rem 0.2rem 0; vertical-align: top; white-space: nowrap; }
table.fields td { padding: 0.2rem 0; }
table.grid { width: 100%; font-size: 0.92em; }
table.grid th, table.grid td { border: 1px solid #bbb; padding: 0.2rem 0.45rem; vertical-align: top; }
table.grid th { background: #eef1f4; text-align: left; }
table.grid .num { text-align: right; font-variant-numeric: tabular-nums; }
table.grid td.num { white-space: nowrap; }
.figures { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0.6rem 0; }
.figure { border: 1px solid #ccd3da; border-radius: 6px; padding: 0.45rem 0.8rem; min-width: 9.5rem; flex: 1 1 9.5rem; }
.figure .value { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure .caption { color: #555; font-size: 0.85em; }
figure { margin: 0.8rem 0; }
figure img { display: block; width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #555; font-size: 0.85em; margin-top: 0.2rem; }
figure.missing { border: 1px dashed #999; padding: 0.8rem; }
.note { color: #8a4b00; margin: 0; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { margin-top: 1.2rem; }
  table.grid th, table.grid td { padding: 0.12rem 0.35rem; }
  section.new-page { break-before: page; }
  h1, h2 { break-after: avoid; }
  tr, figure, .figure, table.fields { break-inside: avoid; }
  thead { display: table-header-group; }
  p, li { orphans: 3; widows: 3; }
  figure { margin: 0.4rem 0; }
  figure img { width: auto; max-width: 100%; max-height: 100mm; }
  a { color: inherit; text-decoration: none; }
}";

/// Escapes text for Markdown: HTML-significant characters become entities (a Markdown viewer
/// passes raw HTML through), and characters that would start Markdown syntax are backslashed.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: Vec<Block>) -> Page {
        Page {
            lang: Language::English,
            title: "T <1>".into(),
            subtitle: vec!["by me".into()],
            sections: vec![Section::new("S", blocks)],
        }
    }

    #[test]
    fn images_are_embedded_or_replaced_by_their_note() {
        let shown = page(vec![Block::Image(Image {
            png: Ok(vec![0x89, b'P', b'N', b'G']),
            alt: "Whale curve".into(),
        })]);
        let html = shown.to_html();
        assert!(html.contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"Whale curve\">"));
        assert!(
            shown
                .to_markdown()
                .contains("![Whale curve](data:image/png;base64,iVBORw==)")
        );
        let missing = page(vec![Block::Image(Image {
            png: Err("No images: no graphics adapter.".into()),
            alt: "Whale curve".into(),
        })]);
        assert!(
            missing
                .to_html()
                .contains("<p class=\"note\">No images: no graphics adapter.</p>")
        );
        assert!(!missing.to_html().contains("<img"));
        assert!(
            missing
                .to_markdown()
                .contains("> No images: no graphics adapter. (Whale curve)")
        );
    }

    #[test]
    fn the_page_has_print_rules_and_escapes_its_title() {
        let html = page(Vec::new()).to_html();
        assert!(html.contains("<title>T &lt;1&gt;</title>"));
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("@media print"));
        assert!(html.contains("break-before: page"));
        assert!(html.contains("thead { display: table-header-group; }"));
    }
}
