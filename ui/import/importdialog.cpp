#include "import/importdialog.h"

#include "import/csvpreviewmodel.h"
#include "import/importreporttext.h"
#include "io/salesimporter.h"
#include "settings/appsettings.h"
#include "settings/problemtext.h"
#include "shell/job.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace fp::ui {

namespace {

// Rows read for the preview; the period guess comes from these rows only.
constexpr int kPreviewRows = 200;

struct DelimiterChoice
{
    const char* key; // the remembered value (ImportChoices::delimiter)
    char delimiter;  // 0 = detect
    const char* label;
};
constexpr DelimiterChoice kDelimiters[] = {
    {"detect", 0, QT_TRANSLATE_NOOP("fp::ui::ImportDialog", "Detect")},
    {"comma", ',', QT_TRANSLATE_NOOP("fp::ui::ImportDialog", "Comma ( , )")},
    {"semicolon", ';', QT_TRANSLATE_NOOP("fp::ui::ImportDialog", "Semicolon ( ; )")},
    {"tab", '\t', QT_TRANSLATE_NOOP("fp::ui::ImportDialog", "Tab")}};

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case ';':
        return ImportDialog::tr("semicolon ( ; )");
    case '\t':
        return ImportDialog::tr("tab");
    default:
        return ImportDialog::tr("comma ( , )");
    }
}

// What each field of the data contract means, for the mapping combos' tooltips.
QString fieldMeaning(io::SalesField field)
{
    switch (field) {
    case io::SalesField::Date:
        return ImportDialog::tr("The calendar day of the row, as YYYY-MM-DD.");
    case io::SalesField::Sku:
        return ImportDialog::tr("The product id.");
    case io::SalesField::Units:
        return ImportDialog::tr("Units sold that day (a number, 0 or more).");
    case io::SalesField::Price:
        return ImportDialog::tr("The unit price actually charged that day, after any discount.");
    case io::SalesField::ListPrice:
        return ImportDialog::tr(
            "The regular, undiscounted unit price. Without it the regular price "
            "is estimated from each product's history.");
    case io::SalesField::Name:
        return ImportDialog::tr("The product name.");
    case io::SalesField::Category:
        return ImportDialog::tr("The product category.");
    case io::SalesField::UnitCost:
        return ImportDialog::tr("The cost of one unit, for profit.");
    case io::SalesField::Stock:
        return ImportDialog::tr("Units available at the start of the day; units equal to stock "
                                "means the product sold out.");
    case io::SalesField::Views:
        return ImportDialog::tr("Product page views that day.");
    case io::SalesField::Event:
        return ImportDialog::tr("The flash-sale campaign id, empty when none.");
    case io::SalesField::Count:
        break;
    }
    return {};
}

} // namespace

ImportDialog::ImportDialog(ProjectController* controller, const QString& csvPath, QWidget* parent)
    : QDialog(parent), m_controller(controller), m_job(new Job<io::ImportReport>(this))
{
    setWindowTitle(tr("Import Sales CSV"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFileRow());
    auto* top = new QHBoxLayout;
    top->addWidget(buildOptions(), 2);
    top->addWidget(buildMapping(), 3);
    layout->addLayout(top);

    m_previewCaption = new QLabel(this);
    layout->addWidget(m_previewCaption);
    m_previewModel = new CsvPreviewModel(this);
    m_previewTable = new QTableView(this);
    m_previewTable->setObjectName("previewTable");
    m_previewTable->setModel(m_previewModel);
    m_previewTable->setToolTip(tr("The first rows of the file as they will be read. Each column's "
                                  "header shows the field it is imported as."));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->setWordWrap(false);
    m_previewTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_previewTable->verticalHeader()->setDefaultSectionSize(m_previewTable->fontMetrics().height() +
                                                            6);
    layout->addWidget(m_previewTable, 1);

    m_message = new QLabel(this);
    m_message->setObjectName("messageLabel");
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName("detailsEdit");
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setToolTip(tr("Every rejected line: file:line: column: reason"));
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 9);
    m_details->hide();
    layout->addWidget(m_details);

    auto* progressRow = new QHBoxLayout;
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName("progressBar");
    m_progress->setRange(0, 1000);
    m_progress->setToolTip(tr("Reading and checking the rows, then writing them to the project"));
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    m_progressLabel->hide();
    m_progress->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName("importButton");
    m_importButton->setToolTip(tr("Import the whole file into the project. Nothing is changed "
                                  "unless every row is valid."));
    m_importButton->setDefault(true);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName("cancelButton");
    m_cancelButton->setToolTip(tr("Close without importing"));
    // Both buttons are handled here: the dialog closes only after a successful import.
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    layout->addWidget(buttons);

    m_controller->addProjectJob(m_job);
    connect(m_job, &JobBase::progressed, this,
            [this](quint64, qint64 done, qint64 total) { onProgress(done, total); });
    m_job->onFinished(this,
                      [this](quint64, const io::ImportReport& report) { onImported(report); });
    connect(m_job, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        setRunning(false);
        showMessage(tr("Import failed: %1; the project is unchanged.").arg(problemText(problem)),
                    true);
    });
    connect(m_job, &JobBase::cancelled, this, [this] {
        setRunning(false);
        showMessage(tr("Import cancelled; the project is unchanged."), false);
    });
    connect(m_controller, &ProjectController::projectChanged, this, [this] {
        updateImportEnabled();
        if (!isImporting() && m_preview.ok())
            showMessage(m_controller->hasProject() ? mappingHint() : validationError(), false);
    });

    loadSettings();
    connect(m_delimiterCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::reloadPreview);
    setCsvPath(csvPath);
    resize(1000, 720);
}

QWidget* ImportDialog::buildFileRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&File:"), row);
    m_fileEdit = new QLineEdit(row);
    m_fileEdit->setObjectName("fileEdit");
    m_fileEdit->setPlaceholderText(tr("Type or paste the path of a sales CSV, or Browse"));
    m_fileEdit->setToolTip(tr("The sales-history CSV to import: type or paste its path and press "
                              "Enter, or choose it with Browse"));
    m_fileEdit->setClearButtonEnabled(true);
    connect(m_fileEdit, &QLineEdit::editingFinished, this, [this] {
        const QString typed = QDir::fromNativeSeparators(m_fileEdit->text().trimmed());
        if (typed != m_path)
            setCsvPath(typed);
    });
    label->setBuddy(m_fileEdit);
    m_browseButton = new QPushButton(tr("&Browse..."), row);
    m_browseButton->setObjectName("browseButton");
    m_browseButton->setToolTip(tr("Choose another CSV file"));
    connect(m_browseButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    layout->addWidget(label);
    layout->addWidget(m_fileEdit, 1);
    layout->addWidget(m_browseButton);
    return row;
}

QWidget* ImportDialog::buildOptions()
{
    auto* box = new QGroupBox(tr("Options"), this);
    auto* form = new QFormLayout(box);
    m_delimiterCombo = new QComboBox(box);
    m_delimiterCombo->setObjectName("delimiterCombo");
    for (const DelimiterChoice& choice : kDelimiters)
        m_delimiterCombo->addItem(tr(choice.label), QString::fromLatin1(choice.key));
    m_delimiterCombo->setToolTip(tr("The character between fields. Detect picks the one the "
                                    "header line uses most."));
    m_detectedLabel = new QLabel(box);
    m_detectedLabel->setObjectName("detectedLabel");
    m_detectedLabel->setWordWrap(true);
    form->addRow(tr("&Delimiter:"), m_delimiterCombo);
    m_decimalCombo = new QComboBox(box);
    m_decimalCombo->setObjectName("decimalCombo");
    m_decimalCombo->addItem(tr("Automatic"), int(io::DecimalMark::Auto));
    m_decimalCombo->addItem(tr("Point ( 33.99 )"), int(io::DecimalMark::Point));
    m_decimalCombo->addItem(tr("Comma ( 33,99 )"), int(io::DecimalMark::Comma));
    m_decimalCombo->setToolTip(
        tr("How the numbers write their fractions. Automatic: a point in comma-separated files; "
           "with semicolons or tabs, 33,99 and 33.99 alike (1.234,56 too). Comma: a point or a "
           "space groups thousands."));
    form->addRow(tr("De&cimal mark:"), m_decimalCombo);
    form->addRow(QString(), m_detectedLabel);

    m_duplicateCombo = new QComboBox(box);
    m_duplicateCombo->setObjectName("duplicateCombo");
    m_duplicateCombo->addItem(tr("Reject the import"), "error");
    m_duplicateCombo->addItem(tr("Add them up"), "sum");
    m_duplicateCombo->addItem(tr("Keep the last row"), "last");
    m_duplicateCombo->setToolTip(
        tr("What to do with two rows for the same sku and date. Add them up: units and views are "
           "summed and the price is the units-weighted mean. Keep the last row: the later row "
           "wins, also over a row from an earlier import."));
    form->addRow(tr("D&uplicate rows:"), m_duplicateCombo);

    // Not remembered from one import to the next: the project keeps its first import's choice.
    m_missingCombo = new QComboBox(box);
    m_missingCombo->setObjectName("missingCombo");
    m_missingCombo->addItem(tr("Decide from the data"), QString());
    m_missingCombo->addItem(tr("Nothing sold (0 units)"), "zero");
    m_missingCombo->addItem(tr("No data (not used for fitting)"), "unknown");
    m_missingCombo->setToolTip(
        tr("What a day (or week) a product's rows skip means. Nothing sold: a shop export that "
           "lists only days with sales. No data: a scanner panel that leaves out weeks it lacks; "
           "the models do not fit them. Decide from the data: no data for weekly files and for "
           "daily files that list 0-unit days, else nothing sold; a project keeps what its first "
           "import decided."));
    form->addRow(tr("&Absent periods:"), m_missingCombo);

    m_periodLabel = new QLabel(box);
    m_periodLabel->setObjectName("periodLabel");
    m_periodLabel->setWordWrap(true);
    m_periodLabel->setToolTip(tr("Daily or weekly rows, guessed from the preview rows only. The "
                                 "import decides from every row."));
    form->addRow(tr("Period:"), m_periodLabel);
    return box;
}

QWidget* ImportDialog::buildMapping()
{
    auto* box = new QGroupBox(tr("Columns (* required)"), this);
    m_mappingBox = box;
    auto* grid = new QGridLayout(box);
    constexpr int kPerRow = 2;
    int i = 0;
    for (const io::SalesFieldInfo& info : io::salesFields()) {
        const QString name = fromStd(std::string(info.canonical));
        auto* combo = new QComboBox(box);
        combo->setObjectName("mapping_" + name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        combo->setToolTip(
            info.required
                ? tr("%1\nRequired: choose the column that holds it.").arg(fieldMeaning(info.field))
                : tr("%1\nOptional: (none) leaves it out.").arg(fieldMeaning(info.field)));
        auto* label = new QLabel(info.required ? tr("%1 *").arg(name) : name, box);
        label->setBuddy(combo);
        label->setToolTip(combo->toolTip());
        const int row = i / kPerRow, column = (i % kPerRow) * 2;
        grid->addWidget(label, row, column);
        grid->addWidget(combo, row, column + 1);
        m_fieldCombos[static_cast<size_t>(info.field)] = combo;
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::mappingChanged);
        ++i;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    return box;
}

void ImportDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import sales CSV"), dir, tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setCsvPath(path);
}

void ImportDialog::setCsvPath(const QString& path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    m_fileEdit->setCursorPosition(0);
    reloadPreview();
}

void ImportDialog::reloadPreview()
{
    m_details->hide();
    m_message->clear();
    if (m_path.isEmpty()) {
        m_preview = {};
        m_detectedLabel->clear();
    } else {
        m_preview = io::previewCsv(m_path.toStdString(), kPreviewRows, chosenDelimiter());
        QString detected = m_preview.delimiterDetected
                               ? tr("Detected: %1").arg(delimiterName(m_preview.delimiter))
                               : tr("Using: %1").arg(delimiterName(m_preview.delimiter));
        if (m_preview.encoding != io::TextDecoder::Encoding::Utf8)
            detected += tr("; %1 text, read as such")
                            .arg(fromStd(std::string(io::encodingName(m_preview.encoding))));
        else if (m_preview.byteOrderMark)
            detected += tr("; UTF-8 with byte-order mark");
        if (m_preview.decimalComma)
            detected += tr("; decimal comma ( 33,99 )");
        m_detectedLabel->setText(detected);
    }
    fillMappingCombos();
    m_previewModel->setPreview(m_preview, currentMap());
    m_previewTable->resizeColumnsToContents();
    const int rows = static_cast<int>(m_preview.rows.size());
    m_previewCaption->setText(m_preview.moreRows ? tr("Preview: the first %1 rows").arg(rows)
                              : rows > 0         ? tr("Preview: all %1 rows").arg(rows)
                                                 : tr("Preview"));
    updatePeriodLabel();
    if (!m_path.isEmpty() && !m_preview.ok())
        showMessage(
            tr("This file cannot be imported: %1").arg(problemText(m_preview.problems.front())),
            true);
    else if (!m_controller->hasProject())
        showMessage(validationError(), false);
    else if (!m_path.isEmpty())
        showMessage(mappingHint(), false);
    updateImportEnabled();
}

void ImportDialog::fillMappingCombos()
{
    for (const io::SalesFieldInfo& info : io::salesFields()) {
        QComboBox* combo = m_fieldCombos[static_cast<size_t>(info.field)];
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("(none)"), -1);
        for (int c = 0; c < static_cast<int>(m_preview.header.size()); ++c) {
            const QString name = fromStd(m_preview.header[static_cast<size_t>(c)]).trimmed();
            combo->addItem(name.isEmpty() ? tr("column %1").arg(c + 1) : name, c);
        }
        combo->setCurrentIndex(combo->findData(m_preview.match.map[info.field]));
    }
}

QString ImportDialog::mappingHint() const
{
    QStringList unnamed;
    for (const io::SalesFieldInfo& info : io::salesFields())
        if (info.required && !m_preview.match.map.has(info.field))
            unnamed << fromStd(std::string(info.canonical));
    if (!unnamed.isEmpty())
        return tr("No column has a known name for %1; choose their columns above.")
            .arg(unnamed.join(tr(", ")));
    if (!m_preview.match.problems.empty()) // two columns named for one field
        return tr("Check the columns above: %1.")
            .arg(problemMessage(m_preview.match.problems.front()));
    return {};
}

void ImportDialog::mappingChanged()
{
    m_previewModel->setMap(currentMap());
    updatePeriodLabel();
    if (!isImporting())
        m_message->clear();
}

void ImportDialog::updatePeriodLabel()
{
    const io::ColumnMap map = currentMap();
    const io::PeriodGuess guess = io::guessPeriod(m_preview.rows, map);
    const int rows = static_cast<int>(m_preview.rows.size());
    if (rows == 0)
        m_periodLabel->setText(tr("unknown (no rows to look at)"));
    else if (!map.has(io::SalesField::Date) || !map.has(io::SalesField::Sku))
        m_periodLabel->setText(tr("unknown until date and sku have their columns"));
    else if (guess.days == 0)
        m_periodLabel->setText(tr("cannot tell from the first %1 rows (no product has two dates "
                                  "there); the import detects it from all rows")
                                   .arg(rows));
    else
        m_periodLabel->setText(tr("%1 (a guess from the first %2 rows; the import decides from "
                                  "all rows)")
                                   .arg(guess.days == 7 ? tr("weekly") : tr("daily"))
                                   .arg(rows));
}

io::ColumnMap ImportDialog::currentMap() const
{
    io::ColumnMap map;
    for (int f = 0; f < io::kSalesFieldCount; ++f) {
        const QComboBox* combo = m_fieldCombos[static_cast<size_t>(f)];
        map.column[static_cast<size_t>(f)] =
            combo->currentIndex() < 0 ? -1 : combo->currentData().toInt();
    }
    return map;
}

char ImportDialog::chosenDelimiter() const
{
    return kDelimiters[std::max(0, m_delimiterCombo->currentIndex())].delimiter;
}

QString ImportDialog::validationError() const
{
    if (!m_controller->hasProject())
        return tr("Open or create a project first; the sales are imported into it.");
    if (m_path.isEmpty())
        return tr("Choose a CSV file to import.");
    if (!m_preview.ok())
        return tr("This file cannot be imported: %1").arg(problemText(m_preview.problems.front()));
    const io::ColumnMap map = currentMap();
    QStringList missing;
    for (const io::SalesFieldInfo& info : io::salesFields())
        if (info.required && !map.has(info.field))
            missing << fromStd(std::string(info.canonical));
    if (!missing.isEmpty())
        return tr("Choose a column for each required field (marked *); still missing: %1.")
            .arg(missing.join(tr(", ")));
    for (const io::SalesFieldInfo& a : io::salesFields())
        for (const io::SalesFieldInfo& b : io::salesFields())
            if (a.field < b.field && map.has(a.field) && map[a.field] == map[b.field])
                return tr("Column '%1' is chosen for both %2 and %3; choose one column per field.")
                    .arg(fromStd(m_preview.header[static_cast<size_t>(map[a.field])]),
                         fromStd(std::string(a.canonical)), fromStd(std::string(b.canonical)));
    return {};
}

void ImportDialog::updateImportEnabled()
{
    m_importButton->setEnabled(!isImporting() && m_controller->hasProject() && m_preview.ok() &&
                               !m_path.isEmpty());
}

void ImportDialog::startImport()
{
    if (isImporting())
        return;
    if (const QString error = validationError(); !error.isEmpty()) {
        showMessage(error, true);
        return;
    }
    if (const JobBase* busy = m_controller->runningProjectJob()) {
        showMessage(tr("Another task is running on this project (%1); wait for it to finish or "
                       "cancel it, then import again.")
                        .arg(busy->title()),
                    true);
        return;
    }
    saveSettings();
    io::ImportOptions options;
    options.onDuplicate =
        *io::parseDuplicatePolicy(m_duplicateCombo->currentData().toString().toStdString());
    options.delimiter = m_preview.delimiter; // what the preview showed, detected or chosen
    options.columns = currentMap();
    options.decimalMark = static_cast<io::DecimalMark>(m_decimalCombo->currentData().toInt());
    options.missing =
        io::parseMissingPeriods(m_missingCombo->currentData().toString().toStdString());
    const std::string project = m_controller->projectPath().toStdString();
    const std::string csv = m_path.toStdString();
    // The worker opens its own connection: SQLite connections stay on the thread that made them.
    m_job->start(tr("Importing %1").arg(QFileInfo(m_path).fileName()),
                 [project, csv, options](const ProgressFn& progress) {
                     store::Store store(project, store::Store::OpenMode::MustExist);
                     return io::importSalesFile(store, csv, options, progress);
                 });
    m_details->hide();
    showMessage(QString(), false);
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Reading and checking rows..."));
    setRunning(true);
}

void ImportDialog::cancelImport()
{
    m_job->cancel();
    m_cancelButton->setEnabled(false);
    m_progressLabel->setText(tr("Cancelling..."));
}

void ImportDialog::reject()
{
    if (isImporting())
        cancelImport(); // the dialog stays open to say how the import ended
    else
        QDialog::reject();
}

void ImportDialog::onProgress(qint64 done, qint64 total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0); // busy: the size is unknown
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(static_cast<int>(1000 * done / total));
    // Core reports reading as the first half of the work and writing as the second.
    if (m_cancelButton->isEnabled())
        m_progressLabel->setText(2 * done < total ? tr("Reading and checking rows...")
                                                  : tr("Writing to the project..."));
}

void ImportDialog::onImported(const io::ImportReport& report)
{
    // A cancel that arrives after the commit is too late: the import is complete.
    setRunning(false);
    if (report.committed)
        finishSuccess(report);
    else
        showProblems(report);
}

void ImportDialog::finishSuccess(const io::ImportReport& report)
{
    m_summary = importSummary(report);
    showMessage(m_summary, false);
    m_controller->notifySalesChanged();
    emit imported(m_summary);
    accept();
}

void ImportDialog::showProblems(const io::ImportReport& report)
{
    const auto count = report.problemCount;
    showMessage(count == 1 ? tr("Import failed: 1 problem; the project is unchanged. Fix the line "
                                "below and import again.")
                           : tr("Import failed: %1 problems; the project is unchanged. Fix the "
                                "lines below and import again.")
                                 .arg(QLocale().toString(count)),
                true);
    m_details->setPlainText(importProblemList(report, m_preview.header));
    m_details->show();
}

void ImportDialog::setRunning(bool running)
{
    for (QWidget* w :
         {static_cast<QWidget*>(m_browseButton), static_cast<QWidget*>(m_delimiterCombo),
          static_cast<QWidget*>(m_decimalCombo), static_cast<QWidget*>(m_duplicateCombo),
          static_cast<QWidget*>(m_missingCombo), m_mappingBox})
        w->setEnabled(!running);
    m_progress->setVisible(running);
    m_progressLabel->setVisible(running);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setToolTip(running ? tr("Stop the import; the project stays unchanged")
                                       : tr("Close without importing"));
    updateImportEnabled();
}

void ImportDialog::showMessage(const QString& text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b3261e;") : QString());
}

void ImportDialog::loadSettings()
{
    const ImportChoices choices = AppSettings().importChoices();
    m_delimiterCombo->setCurrentIndex(std::max(0, m_delimiterCombo->findData(choices.delimiter)));
    m_duplicateCombo->setCurrentIndex(std::max(0, m_duplicateCombo->findData(choices.onDuplicate)));
}

void ImportDialog::saveSettings() const
{
    ImportChoices choices;
    choices.delimiter = m_delimiterCombo->currentData().toString();
    choices.onDuplicate = m_duplicateCombo->currentData().toString();
    AppSettings().setImportChoices(choices);
}

} // namespace fp::ui
