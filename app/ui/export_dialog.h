#pragma once
// ExportDialog: File → Export. The options of `isleview export` (path, size, DPI, names, script, claims,
// title, legend, world file, extent or focus, notes), with a live preview drawn by the same renderMap the
// exporter uses (on a worker, through a RenderScheduler). The same options give the same picture. The file
// is written on a thread of its own, so the window keeps drawing however big the image.
#include <map_settings.h>

#include <QDialog>
#include <QVariantMap>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;
class QThread;
class QTimer;

namespace isv {

class RenderScheduler;
class Scene;
struct ExportOptions;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    /// Starts from `current` (the window's view and notes); the scene is shared, not copied.
    ExportDialog(std::shared_ptr<const Scene> scene, const MapSettings& current, QWidget* parent = nullptr);
    ~ExportDialog() override; // waits for an export being written
    /// Whether an export is being written (the dialog's inputs and buttons are disabled meanwhile).
    bool busy() const { return exporting_ != nullptr; }
    /// The options the dialog would export with now.
    ExportOptions options() const;
    void setPath(const QString& path);
    /// The choices worth offering again next time (file, size, DPI, extent, title, world file), and back.
    QVariantMap choices() const;
    void setChoices(const QVariantMap& choices);
    /// The place chosen under Extent, as `--focus ID` ("" = the current view).
    QString focusPlace() const;
    void setFocusPlace(const QString& id);

  public slots:
    /// Starts writing the export; when it is written the dialog closes, on failure it shows a message
    /// naming the path and stays open.
    void accept() override;
    /// Closes the dialog, unless an export is being written.
    void reject() override;

  signals:
    /// After a successful export: every file written.
    void exported(const QStringList& files);
    /// After an export ends, written or not.
    void exportFinished(bool written);

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void updatePreview();
    void setBusy(const QString& path);
    void relabelPlaces();
    void browse();

    std::shared_ptr<const Scene> scene_;
    MapSettings base_;
    QLineEdit* path_ = nullptr;
    QSpinBox* width_ = nullptr;
    QSpinBox* height_ = nullptr;
    QSpinBox* dpi_ = nullptr;
    QComboBox* names_ = nullptr;
    QComboBox* script_ = nullptr;
    QList<QCheckBox*> claims_;
    QLineEdit* title_ = nullptr;
    QComboBox* extent_ = nullptr;
    QCheckBox* legend_ = nullptr;
    QCheckBox* notes_ = nullptr;
    QCheckBox* worldFile_ = nullptr;
    QLabel* preview_ = nullptr;
    QWidget* inputs_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr; ///< shown while a file is written
    QDialogButtonBox* buttons_ = nullptr;
    QThread* exporting_ = nullptr;
    RenderScheduler* scheduler_ = nullptr;
    QTimer* previewTimer_ = nullptr;
};

} // namespace isv
