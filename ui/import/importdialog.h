#pragma once

#include "io/columnmap.h"
#include "io/csvpreview.h"
#include "shell/job.h"

#include <QDialog>
#include <array>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QWidget;

namespace fp::io {
struct ImportReport;
}

namespace fp::ui {

class CsvPreviewModel;
class ProjectController;

// Imports a sales-history CSV into the open project (spec/data-format.md, section 1): a preview
// of the first rows, the detected delimiter (with an override) and a guess of the period, one
// column-mapping combo per field pre-filled from the header's names and synonyms, and the policy
// for duplicate rows. The import runs as a project job with a progress bar and Cancel; problems
// show as one summary line with the per-line list below it. After an error or a cancel the project
// is unchanged (the core import commits all or nothing).
class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(ProjectController* controller, const QString& csvPath = {},
                          QWidget* parent = nullptr);

    QString csvPath() const { return m_path; }
    void setCsvPath(const QString& path); // reads the preview and suggests a mapping
    // After a successful import: what was imported, in a few lines (also sent by imported()).
    QString summary() const { return m_summary; }

    void reject() override; // while importing, cancels the import instead of closing

signals:
    void imported(const QString& summary); // just before the dialog accepts

private:
    QWidget* buildFileRow();
    QWidget* buildOptions();
    QWidget* buildMapping();
    void chooseFile();
    void reloadPreview();
    void fillMappingCombos();
    QString mappingHint() const; // what the header left for the user to map
    void mappingChanged();
    void updatePeriodLabel();
    io::ColumnMap currentMap() const;
    char chosenDelimiter() const;
    QString validationError() const;
    void updateImportEnabled();

    void startImport();
    void cancelImport();
    bool isImporting() const { return m_job->isRunning(); }
    void onProgress(qint64 done, qint64 total);
    void onImported(const io::ImportReport& report);
    void finishSuccess(const io::ImportReport& report);
    void showProblems(const io::ImportReport& report);
    void setRunning(bool running);
    void showMessage(const QString& text, bool isError);

    void loadSettings();
    void saveSettings() const;

    ProjectController* m_controller = nullptr;
    QString m_path;
    io::CsvPreview m_preview;
    QString m_summary;
    Job<io::ImportReport>* m_job = nullptr; // a project job

    // What to import and how: the file, the options, a column for each field, the preview.
    QLineEdit* m_fileEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QComboBox* m_delimiterCombo = nullptr;
    QComboBox* m_decimalCombo = nullptr;
    QLabel* m_detectedLabel = nullptr;
    QComboBox* m_duplicateCombo = nullptr;
    QComboBox* m_missingCombo = nullptr; // absent periods: decided from the data, zero or unknown
    QLabel* m_periodLabel = nullptr;
    std::array<QComboBox*, io::kSalesFieldCount> m_fieldCombos{};
    QWidget* m_mappingBox = nullptr;
    QLabel* m_previewCaption = nullptr;
    QTableView* m_previewTable = nullptr;
    CsvPreviewModel* m_previewModel = nullptr;
    // How the import goes and ended: the message, the rejected lines, progress, the buttons.
    QLabel* m_message = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressLabel = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace fp::ui
