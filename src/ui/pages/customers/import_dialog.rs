//! The import dialog: pick a file, preview its first rows, map columns to fields, see every
//! row's problems, then import in one undoable step.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::PageContext;
use crate::i18n::customers::{CustomerKey as C, import_error_text, import_preview_lines, row_error_text};
use crate::i18n::{Key, tr, trf};
use crate::model::rfm;
use crate::model::{Language, Part};
use crate::store::Progress;
use crate::store::import::{
    self, CustomerMapping, DATE_FORMATS, Field, ImportError, ImportKind, ImportPreview, ImportSettings,
    ImportSource, ParseOptions, Sheet, TextEncoding, TxField, TxMapping,
};
use crate::ui::commands::Command;
use crate::ui::job::{self, Job, Poll};
use crate::ui::theme;
use crate::ui::widgets::DateField;

/// Reading a whole CSV file on its own thread: the preview, `None` when cancelled.
type Reading = Job<Result<Option<ImportPreview>, ImportError>>;

/// How much of a CSV file is read for the column mapping and the first rows.
const HEAD_BYTES: u64 = 256 * 1024;

/// State of an open import dialog.
pub struct ImportDialog {
    kind: ImportKind,
    pub path: String,
    encoding: TextEncoding,
    sheet: Option<String>,
    loaded: Option<Result<Sheet, ImportError>>,
    customer_mapping: CustomerMapping,
    tx_mapping: TxMapping,
    options: ParseOptions,
    reference_date: Option<NaiveDate>,
    /// Why the text in the reference date's field is not a date, while it is not.
    reference_problem: Option<String>,
    preview: Option<ImportPreview>,
    /// Set when the file, mapping or options changed, so the preview is recomputed once.
    stale: bool,
    /// The purchases of the transaction log just imported, for the page to keep.
    pub imported_log: Option<std::sync::Arc<Vec<rfm::Transaction>>>,
    /// True when `loaded` holds only the first rows of a CSV file. The whole file is then read
    /// on its own thread (a transaction log by the streaming reader), with progress and Cancel.
    head_only: bool,
    reading: Option<Reading>,
    /// The user cancelled reading the whole file.
    cancelled: bool,
}

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 20;

impl ImportDialog {
    #[must_use]
    pub fn new(today: NaiveDate) -> Self {
        Self {
            kind: ImportKind::Customers,
            path: String::new(),
            encoding: TextEncoding::Utf8,
            sheet: None,
            loaded: None,
            customer_mapping: Vec::new(),
            tx_mapping: Vec::new(),
            options: ParseOptions::default(),
            reference_date: Some(today),
            reference_problem: None,
            preview: None,
            stale: false,
            imported_log: None,
            head_only: false,
            reading: None,
            cancelled: false,
        }
    }

    /// Reads the file at `path` (after Browse or Load).
    pub fn load(&mut self) {
        let path = PathBuf::from(self.path.trim());
        self.stop_reading();
        // A CSV file may be a million-row log: only its start is read here.
        self.head_only = import::is_csv(&path);
        let result = if self.head_only {
            import::read_csv_head(&path, self.encoding, HEAD_BYTES)
        } else {
            import::read_sheet(&path, self.encoding, self.sheet.as_deref())
        };
        if let Ok(sheet) = &result {
            self.customer_mapping = import::guess_customer_mapping(&sheet.headers);
            self.tx_mapping = import::guess_tx_mapping(&sheet.headers);
            self.sheet.clone_from(&sheet.sheet);
            // A log has a date and an amount per row but no cost columns.
            let tx_cols = self.tx_mapping.iter().filter(|(_, c)| c.is_some()).count();
            let has_costs = self
                .customer_mapping
                .iter()
                .any(|(f, c)| matches!(f, Field::CostOfGoods | Field::CostToServe) && c.is_some());
            self.kind = if tx_cols >= 3 && !has_costs {
                ImportKind::Transactions
            } else {
                ImportKind::Customers
            };
        }
        self.loaded = Some(result);
        self.stale = true;
    }

    /// The reference date, unless the text in its field is not a date.
    fn reference(&self) -> Option<NaiveDate> {
        self.reference_date.filter(|_| self.reference_problem.is_none())
    }

    fn stop_reading(&mut self) {
        if let Some(job) = self.reading.take() {
            job.cancel();
        }
        self.cancelled = false;
    }

    fn take_read(&mut self, result: Result<Option<ImportPreview>, ImportError>) {
        match result {
            Ok(Some(preview)) => self.preview = Some(preview),
            Ok(None) => {
                self.preview = None;
                self.cancelled = true;
            }
            Err(e) => {
                self.preview = None;
                self.loaded = Some(Err(e));
            }
        }
    }

    /// The preview's settings from the dialog's controls; `None` while a transaction log has
    /// no valid reference date.
    fn settings(&self, today: NaiveDate) -> Option<ImportSettings> {
        let reference_date = match (self.kind, self.reference()) {
            (ImportKind::Transactions, None) => return None,
            (_, reference) => reference.unwrap_or(today),
        };
        Some(ImportSettings {
            kind: self.kind,
            customer_mapping: self.customer_mapping.clone(),
            tx_mapping: self.tx_mapping.clone(),
            options: self.options.clone(),
            reference_date,
            // For this session's campaign results (Charts ▸ Co-creation).
            keep_log: true,
        })
    }

    /// Reads the whole CSV file on its own thread, with the current mapping and options.
    fn start_reading(&mut self, cx: &PageContext<'_>) {
        self.preview = None;
        let Some(settings) = self.settings(cx.today) else {
            return;
        };
        let path = PathBuf::from(self.path.trim());
        let encoding = self.encoding;
        let existing = cx.doc.scenario.customers.clone();
        let work = move |progress: &Progress| {
            import::preview(
                ImportSource::Csv {
                    path: &path,
                    encoding,
                },
                &settings,
                existing,
                progress,
            )
        };
        match Job::start(job::SHOW_AFTER, work) {
            Poll::Done(result) => self.take_read(result),
            Poll::Running(job) => self.reading = Some(job),
            Poll::Lost => {}
        }
    }

    /// Takes the whole file's preview once read; meanwhile shows the progress, with Cancel.
    fn reading_ui(&mut self, ctx: &egui::Context, lang: Language) {
        let Some(job) = self.reading.take() else {
            return;
        };
        match job.poll() {
            Poll::Done(result) => self.take_read(result),
            Poll::Lost => {}
            Poll::Running(job) => {
                let what = trf(lang, C::ImportReading, &[("path", &self.path.trim())]);
                if job::progress_ui(ctx, lang, &what, job.fraction()) {
                    job.cancel();
                    self.cancelled = true;
                } else {
                    self.reading = Some(job);
                }
            }
        }
    }

    fn recompute(&mut self, cx: &PageContext<'_>) {
        self.stale = false;
        self.stop_reading();
        if self.head_only && matches!(self.loaded, Some(Ok(_))) {
            self.start_reading(cx);
            return;
        }
        let (Some(Ok(sheet)), Some(settings)) = (&self.loaded, self.settings(cx.today)) else {
            self.preview = None;
            return;
        };
        let existing = cx.doc.scenario.customers.clone();
        let result = import::preview(
            ImportSource::Sheet(sheet),
            &settings,
            existing,
            &Progress::default(),
        );
        self.take_read(result);
    }

    /// Draws the dialog; returns false once it should close.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &PageContext<'_>, out: &mut Vec<Command>) -> bool {
        let lang = cx.lang;
        let mut open = true;
        let mut close = false;
        egui::Window::new(tr(lang, C::ImportTitle))
            .id(egui::Id::unique("import_dialog"))
            .open(&mut open)
            .default_pos(egui::pos2(200.0, 80.0))
            .default_size([820.0, 620.0])
            .collapsible(false)
            .show(ctx, |ui| {
                self.file_ui(ui, lang, out);
                if self.stale {
                    self.recompute(cx);
                }
                match &self.loaded {
                    None => {
                        ui.weak(tr(lang, C::ImportPickFirst));
                    }
                    Some(Err(e)) => {
                        ui.colored_label(
                            theme::error_color(ui.visuals().dark_mode),
                            import_error_text(lang, e),
                        );
                    }
                    Some(Ok(_)) => {
                        self.options_ui(ui, lang, cx.today);
                        ui.separator();
                        self.mapping_ui(ui, lang);
                        ui.separator();
                        self.preview_ui(ui, lang);
                        ui.separator();
                        close = self.summary_ui(ui, lang, out);
                    }
                }
            });
        self.reading_ui(ctx, lang);
        if !open || close {
            self.stop_reading();
        }
        open && !close
    }

    fn file_ui(&mut self, ui: &mut egui::Ui, lang: Language, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, C::ImportFile));
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path)
                        .desired_width(420.0)
                        .hint_text("customers.xlsx"),
                )
                .labelled_by(label.id);
            let entered =
                response.lost_focus() && ui.input(|i| crate::ui::shortcuts::CONFIRM_FIELD.pressed(i));
            if ui.button(tr(lang, C::Browse)).clicked() {
                out.push(Command::BrowseImport);
            }
            if ui.button(tr(lang, C::Load)).clicked() || entered {
                self.load();
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, C::Encoding));
            let before = self.encoding;
            egui::ComboBox::from_id_salt("import_encoding")
                .selected_text(self.encoding.label())
                .show_ui(ui, |ui| {
                    for e in TextEncoding::ALL {
                        ui.selectable_value(&mut self.encoding, e, e.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if before != self.encoding && self.loaded.is_some() {
                self.load();
            }
            if let Some(Ok(sheet)) = &self.loaded
                && !sheet.sheet_names.is_empty()
            {
                ui.separator();
                let label = ui.label(tr(lang, C::Sheet));
                let names = sheet.sheet_names.clone();
                let before = self.sheet.clone();
                egui::ComboBox::from_id_salt("import_sheet")
                    .selected_text(self.sheet.clone().unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for n in names {
                            ui.selectable_value(&mut self.sheet, Some(n.clone()), n);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if before != self.sheet {
                    self.load();
                }
            }
        });
    }

    fn options_ui(&mut self, ui: &mut egui::Ui, lang: Language, cx_today: NaiveDate) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, C::ImportKindLabel));
            let before = self.kind;
            ui.radio_value(&mut self.kind, ImportKind::Customers, tr(lang, C::KindCustomers));
            ui.radio_value(
                &mut self.kind,
                ImportKind::Transactions,
                tr(lang, C::KindTransactions),
            );
            ui.separator();
            let label = ui.label(tr(lang, C::DateFormat));
            let before_format = self.options.date_format.clone();
            egui::ComboBox::from_id_salt("import_date_format")
                .selected_text(&self.options.date_format)
                .show_ui(ui, |ui| {
                    for f in DATE_FORMATS {
                        ui.selectable_value(&mut self.options.date_format, f.to_owned(), f);
                    }
                })
                .response
                .labelled_by(label.id);
            let before_comma = self.options.decimal_comma;
            ui.checkbox(&mut self.options.decimal_comma, tr(lang, C::DecimalComma));
            let mut changed = before != self.kind
                || before_format != self.options.date_format
                || before_comma != self.options.decimal_comma;
            if self.kind == ImportKind::Transactions {
                ui.separator();
                let label = ui.label(tr(lang, C::ReferenceDate));
                let before = self.reference();
                let typed = DateField::new(
                    egui::Id::unique("import_reference_date"),
                    self.reference_date,
                    cx_today,
                )
                .required()
                .labelled_by(label.id)
                .show(ui, lang);
                // The dialog reads the date as typed, committed or not.
                if let Some(date) = typed.reads {
                    self.reference_date = date;
                }
                if let Some(problem) = &typed.problem {
                    ui.colored_label(theme::error_color(ui.visuals().dark_mode), problem);
                }
                self.reference_problem = typed.problem;
                changed |= self.reference() != before;
            }
            if changed {
                self.stale = true;
            }
        });
    }

    fn mapping_ui(&mut self, ui: &mut egui::Ui, lang: Language) {
        let Some(Ok(sheet)) = &self.loaded else { return };
        let headers = sheet.headers.clone();
        ui.strong(tr(lang, C::Mapping));
        let none = tr(lang, C::NotMapped);
        let mut changed = false;
        egui::Grid::new("import_mapping")
            .num_columns(4)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                let mut combo = |ui: &mut egui::Ui, id: &str, label: &str, slot: &mut Option<usize>| {
                    let label = ui.label(label);
                    let text = slot.and_then(|c| headers.get(c)).map_or(none, String::as_str);
                    egui::ComboBox::from_id_salt(("import_map", id))
                        .selected_text(text)
                        .show_ui(ui, |ui| {
                            changed |= ui.selectable_value(slot, None, none).changed();
                            for (i, h) in headers.iter().enumerate() {
                                changed |= ui.selectable_value(slot, Some(i), h).changed();
                            }
                        })
                        .response
                        .labelled_by(label.id);
                };
                match self.kind {
                    ImportKind::Customers => {
                        for (n, (field, slot)) in self.customer_mapping.iter_mut().enumerate() {
                            combo(ui, field.key(), field_label(lang, *field), slot);
                            if n % 2 == 1 {
                                ui.end_row();
                            }
                        }
                    }
                    ImportKind::Transactions => {
                        for (n, (field, slot)) in self.tx_mapping.iter_mut().enumerate() {
                            combo(ui, field.key(), tx_field_label(lang, *field), slot);
                            if n % 2 == 1 {
                                ui.end_row();
                            }
                        }
                    }
                }
            });
        if changed {
            self.stale = true;
        }
    }

    fn preview_ui(&self, ui: &mut egui::Ui, lang: Language) {
        let Some(Ok(sheet)) = &self.loaded else { return };
        // Only the start of a CSV file is in `sheet`; the whole file's count comes with the
        // preview.
        let total = self.preview.as_ref().map_or(sheet.rows.len(), |p| p.rows_read);
        ui.strong(trf(
            lang,
            C::PreviewTitle,
            &[("n", &sheet.rows.len().min(PREVIEW_ROWS)), ("total", &total)],
        ));
        egui::ScrollArea::both()
            .id_salt("import_preview")
            .max_height(200.0)
            .show(ui, |ui| {
                egui::Grid::new("import_preview_grid")
                    .striped(true)
                    .spacing([12.0, 2.0])
                    .show(ui, |ui| {
                        ui.weak("1");
                        for h in &sheet.headers {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for (i, row) in sheet.rows.iter().take(PREVIEW_ROWS).enumerate() {
                            ui.weak((i + 2).to_string());
                            for col in 0..sheet.headers.len() {
                                ui.label(sheet.cell(i, col).display());
                            }
                            let _ = row;
                            ui.end_row();
                        }
                    });
            });
    }

    /// The counts, the row errors and the Import button. Returns true when imported.
    fn summary_ui(&mut self, ui: &mut egui::Ui, lang: Language, out: &mut Vec<Command>) -> bool {
        if self.cancelled {
            ui.weak(tr(lang, C::ImportCancelled));
        }
        let Some(p) = &self.preview else {
            return false;
        };
        let dark = ui.visuals().dark_mode;
        for line in import_preview_lines(lang, p) {
            ui.label(line);
        }
        if !p.errors.is_empty() {
            ui.colored_label(
                theme::error_color(dark),
                trf(lang, C::RowErrorsTitle, &[("n", &p.errors.len())]),
            );
            egui::ScrollArea::vertical()
                .id_salt("import_errors")
                .max_height(120.0)
                .show(ui, |ui| {
                    for e in &p.errors {
                        ui.label(row_error_text(lang, e));
                    }
                });
        }
        let enabled = p.changes_anything();
        let clicked = ui
            .horizontal(|ui| {
                ui.add_enabled(enabled, egui::Button::new(tr(lang, C::ImportNow)))
                    .clicked()
            })
            .inner;
        if !clicked {
            return false;
        }
        let Some(mut p) = self.preview.take() else {
            return false;
        };
        let (added, updated, skipped) = (p.merged.added, p.merged.updated, p.skipped_rows());
        self.imported_log = p.log.take().map(std::sync::Arc::new);
        // The dialog closes: its preview becomes the customer list without a copy.
        out.push(Command::Edit {
            part: Part::Customers(p.into_customers()),
            gesture: None,
        });
        out.push(Command::Notify {
            key: Key::MsgImported,
            args: vec![
                ("added", added.to_string()),
                ("updated", updated.to_string()),
                ("skipped", skipped.to_string()),
            ],
        });
        true
    }
}

fn field_label(lang: Language, f: Field) -> &'static str {
    match f {
        Field::Id => tr(lang, Key::ColId),
        Field::Name => tr(lang, Key::ColName),
        Field::Industry => tr(lang, Key::ColIndustry),
        Field::Region => tr(lang, Key::ColRegion),
        Field::Contact => tr(lang, C::Contact),
        Field::Since => tr(lang, C::Since),
        Field::Revenue => tr(lang, Key::ColRevenue),
        Field::CostOfGoods => tr(lang, Key::ColCostOfGoods),
        Field::CostToServe => tr(lang, Key::ColCostToServe),
        Field::GrowthPotential => tr(lang, C::ColGrowth),
        Field::Tags => tr(lang, C::Tags),
    }
}

fn tx_field_label(lang: Language, f: TxField) -> &'static str {
    match f {
        TxField::CustomerId => tr(lang, C::TxCustomer),
        TxField::Date => tr(lang, C::LogDate),
        TxField::Amount => tr(lang, C::TxAmount),
        TxField::Quantity => tr(lang, C::TxQuantity),
    }
}
