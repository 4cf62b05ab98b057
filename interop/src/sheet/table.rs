//! A spreadsheet export read into a table of text cells: the bytes decoded (UTF-8 with or
//! without a byte-order mark, UTF-16 with one), the separator found from the heading line,
//! the rows parsed by the `csv` crate (quoted cells over several lines, rows of any length),
//! the headings kept as they are, repeated ones as separate columns.

use std::fmt;

use engine::words::thousands;

/// The largest file read, in bytes (as a program file's limit).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// The most rows read under the headings.
pub const MAX_ROWS: usize = 1_000_000;
/// The most cells read in all (a file of separators alone would otherwise make tens of
/// millions of empty cells).
pub const MAX_CELLS: usize = 20_000_000;

/// How the file's text was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 after a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian after a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    Utf16Be,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Utf16Le => "UTF-16 little-endian",
            Encoding::Utf16Be => "UTF-16 big-endian",
        })
    }
}

/// What separates the cells of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// Excel's CSV where the decimal mark is a comma (most of Europe).
    Semicolon,
    /// Excel's "Unicode text" and "Text (tab-delimited)", pasted cells.
    Tab,
}

impl Separator {
    /// The separating byte.
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }

    fn of(c: char) -> Option<Separator> {
        match c {
            ',' => Some(Separator::Comma),
            ';' => Some(Separator::Semicolon),
            '\t' => Some(Separator::Tab),
            _ => None,
        }
    }
}

impl fmt::Display for Separator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Separator::Comma => "commas",
            Separator::Semicolon => "semicolons",
            Separator::Tab => "tabs",
        })
    }
}

/// Why a file cannot be read as a table at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// Not text in an encoding read here: what is wrong, at which byte offset.
    Encoding {
        offset: usize,
        problem: String,
    },
    /// No heading line.
    Empty,
    /// More than [`MAX_ROWS`] rows or [`MAX_CELLS`] cells.
    TooManyRows,
    TooManyCells,
    /// A quoted cell that never ends: the rest of the file would be one cell.
    UnclosedQuote {
        line: u64,
    },
    /// The CSV reader's own error.
    Csv(String),
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::TooLarge { bytes } => write!(
                f,
                "the file is {} bytes; spreadsheet files of up to {} bytes are read",
                thousands(*bytes),
                thousands(MAX_BYTES)
            ),
            SheetError::Encoding { offset, problem } => write!(
                f,
                "{problem} (at byte offset {}); save it from the spreadsheet as \
                 'CSV UTF-8' or 'Unicode text'",
                thousands(*offset)
            ),
            SheetError::Empty => f.write_str("the file is empty: no heading line"),
            SheetError::TooManyRows => {
                write!(f, "more than {} rows; split the sheet", thousands(MAX_ROWS))
            }
            SheetError::TooManyCells => write!(
                f,
                "more than {} cells; export fewer columns",
                thousands(MAX_CELLS)
            ),
            SheetError::UnclosedQuote { line } => write!(
                f,
                "a quoted cell opened on line {} is never closed, so the rest of the file \
                 would be one cell",
                thousands(*line as usize)
            ),
            SheetError::Csv(why) => write!(f, "not readable as CSV: {why}"),
        }
    }
}

impl std::error::Error for SheetError {}

/// A sheet's headings and rows of text, as the file has them.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Each column's heading, trimmed; as many as the widest row has cells (a column
    /// beyond the heading line has an empty heading).
    pub headings: Vec<String>,
    rows: Vec<csv::StringRecord>,
    /// The line of the file each row starts on (a quoted cell may span several).
    lines: Vec<u64>,
    pub encoding: Encoding,
    pub separator: Separator,
}

impl Table {
    /// The number of rows under the headings.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of columns.
    pub fn width(&self) -> usize {
        self.headings.len()
    }

    /// The text of row `row` (0 for the first under the headings) in column `column`, as
    /// the file has it; empty where the row is shorter.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or_default()
    }

    /// The line of the file row `row` starts on (the heading line is line 1).
    pub fn line(&self, row: usize) -> u64 {
        self.lines.get(row).copied().unwrap_or_default()
    }

    /// What to call column `column` in a message: its heading, or `column D` (its
    /// spreadsheet letter) when it has none.
    pub fn label(&self, column: usize) -> String {
        match self.headings.get(column).filter(|h| !h.is_empty()) {
            Some(heading) => heading.clone(),
            None => format!("column {}", column_letters(column)),
        }
    }
}

/// `A`, `Z`, `AA`: a column's letters in a spreadsheet (0 is `A`).
fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads a CSV or tab-separated export into a [`Table`]: the encoding from the byte-order
/// mark (UTF-8 without one), the separator from the heading line (`,`, `;` or tab, the
/// most frequent outside quotes; Excel's `sep=;` first line is obeyed), quoted cells over
/// several lines.
///
/// ```
/// let table = interop::sheet::read_table(b"Name;Duration\n\"Design\nand review\";2,5\n").unwrap();
/// assert_eq!(table.headings, ["Name", "Duration"]);
/// assert_eq!(table.cell(0, 0), "Design\nand review");
/// assert_eq!(table.cell(0, 1), "2,5");
/// ```
pub fn read_table(bytes: &[u8]) -> Result<Table, SheetError> {
    if bytes.len() > MAX_BYTES {
        return Err(SheetError::TooLarge { bytes: bytes.len() });
    }
    let (text, encoding) = decode(bytes)?;
    let (text, separator) = separator(&text);
    if let Some(line) = unclosed_quote(text, separator) {
        return Err(SheetError::UnclosedQuote { line });
    }
    let (mut rows, mut lines) = records(text, separator)?;
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    let heading_line = rows.remove(0);
    lines.remove(0);
    let width = rows
        .iter()
        .map(csv::StringRecord::len)
        .fold(heading_line.len(), usize::max);
    let mut headings: Vec<String> = heading_line.iter().map(heading).collect();
    headings.resize(width, String::new());
    Ok(Table {
        headings,
        rows,
        lines,
        encoding,
        separator,
    })
}

/// A heading as shown: trimmed, without a byte-order mark a tool left inside it.
fn heading(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_owned()
}

/// Every record of `text`, and the line each starts on.
fn records(
    text: &str,
    separator: Separator,
) -> Result<(Vec<csv::StringRecord>, Vec<u64>), SheetError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let (mut rows, mut lines) = (Vec::new(), Vec::new());
    let mut cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Csv(e.to_string()))?;
        cells = cells.saturating_add(record.len());
        if cells > MAX_CELLS {
            return Err(SheetError::TooManyCells);
        }
        if rows.len() > MAX_ROWS {
            return Err(SheetError::TooManyRows);
        }
        lines.push(record.position().map_or(0, csv::Position::line));
        rows.push(record);
    }
    Ok((rows, lines))
}

/// The text of `bytes` and its encoding, or where it is not text read here.
fn decode(bytes: &[u8]) -> Result<(String, Encoding), SheetError> {
    if let Some(problem) = binary_kind(bytes) {
        return Err(SheetError::Encoding {
            offset: 0,
            problem: problem.to_owned(),
        });
    }
    let (text, encoding) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (utf8(rest, 3)?, Encoding::Utf8Bom),
        [0xFF, 0xFE, rest @ ..] => (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le),
        [0xFE, 0xFF, rest @ ..] => (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be),
        _ => (utf8(bytes, 0)?, Encoding::Utf8),
    };
    if let Some(at) = text.find('\0') {
        let offset = byte_offset(&text, at, encoding);
        return Err(SheetError::Encoding {
            offset,
            problem: "a NUL character: not a text file, or UTF-16 without a byte-order mark"
                .to_owned(),
        });
    }
    Ok((text, encoding))
}

/// What a known binary format is, from its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or another zip file, not CSV text")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls), not CSV text")
    } else {
        None
    }
}

/// `bytes` as UTF-8; `skipped` bytes came before them in the file.
fn utf8(bytes: &[u8], skipped: usize) -> Result<String, SheetError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let at = error.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or_default();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(SheetError::Encoding {
                offset: skipped + at,
                problem: format!(
                    "not UTF-8 text: byte 0x{byte:02X} on line {} is not UTF-8 (an \
                     older encoding such as Windows-1252?)",
                    thousands(line)
                ),
            })
        }
    }
}

/// `bytes` (after a byte-order mark) as UTF-16 read by `unit`.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SheetError> {
    if bytes.len() % 2 == 1 {
        return Err(SheetError::Encoding {
            offset: bytes.len() + 1,
            problem: "UTF-16 text with an odd number of bytes: the last byte has no pair"
                .to_owned(),
        });
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (index, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok(c) => text.push(c),
            Err(error) => {
                return Err(SheetError::Encoding {
                    offset: 2 + index * 2,
                    problem: format!(
                        "not UTF-16 text: an unpaired surrogate 0x{:04X}",
                        error.unpaired_surrogate()
                    ),
                });
            }
        }
    }
    Ok(text)
}

/// The file offset of the character at `at` in the decoded `text`.
fn byte_offset(text: &str, at: usize, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => at,
        Encoding::Utf8Bom => at + 3,
        Encoding::Utf16Le | Encoding::Utf16Be => {
            2 + text[..at].chars().map(char::len_utf16).sum::<usize>() * 2
        }
    }
}

/// The separator, and the text to parse: after Excel's `sep=;` line when there is one,
/// else the most frequent of `,`, `;` and tab outside quotes on the heading line (ties
/// go to tab, then `;`: rarer in a heading than a comma); commas when there is none.
fn separator(text: &str) -> (&str, Separator) {
    if let Some(rest) = text.strip_prefix("sep=")
        && let Some(separator) = rest.chars().next().and_then(Separator::of)
    {
        let after = rest.find('\n').map_or("", |at| &rest[at + 1..]);
        return (after, separator);
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if quoted => {}
            '\t' => counts[0] += 1,
            ';' => counts[1] += 1,
            ',' => counts[2] += 1,
            _ => {}
        }
    }
    let order = [Separator::Tab, Separator::Semicolon, Separator::Comma];
    let best = (0..3).fold(2, |best, i| if counts[i] > counts[best] { i } else { best });
    (text, order[best])
}

/// The line of a quoted cell that is never closed, reading quotes as the `csv` crate
/// does: a quote opens a quoted cell only at the start of a cell, and `""` inside one is a
/// quote.
fn unclosed_quote(text: &str, separator: Separator) -> Option<u64> {
    let separator = separator.byte();
    let (mut line, mut opened_on) = (1u64, 1u64);
    let (mut quoted, mut at_cell_start) = (false, true);
    let mut bytes = text.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if byte == b'\n' {
            line += 1;
        }
        if quoted {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match byte {
            b'"' if at_cell_start => {
                quoted = true;
                opened_on = line;
                at_cell_start = false;
            }
            b'\n' | b'\r' => at_cell_start = true,
            b if b == separator => at_cell_start = true,
            _ => at_cell_start = false,
        }
    }
    quoted.then_some(opened_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_in_a_spreadsheet() {
        let letters: Vec<String> = [0, 25, 26, 27, 701, 702].map(column_letters).into();
        assert_eq!(letters, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn the_separator_is_the_most_frequent_outside_quotes() {
        assert_eq!(separator("a,b;c,d\n").1, Separator::Comma);
        assert_eq!(separator("\"a,b,c\";d\n1,2,3").1, Separator::Semicolon);
        assert_eq!(separator("a\tb\n").1, Separator::Tab);
        assert_eq!(separator("Name\n").1, Separator::Comma);
        let (rest, found) = separator("sep=;\r\na,b;c\n");
        assert_eq!((rest, found), ("a,b;c\n", Separator::Semicolon));
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        assert_eq!(
            unclosed_quote("a,b\n1,\"x\n2,3\n", Separator::Comma),
            Some(2)
        );
        assert_eq!(
            unclosed_quote("a,b\n1,\"x\"\"y\"\n", Separator::Comma),
            None
        );
        assert_eq!(unclosed_quote("a,b\n1,x\"y\n", Separator::Comma), None);
    }
}
