#pragma once
// ExportDialog: File → Export. Path, size, names, script, claims and title, with a live preview drawn by
// the same renderMap the exporter uses (on a worker, through a RenderScheduler).
#include <map_settings.h>

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace isv {

class RenderScheduler;
class Scene;
struct ExportOptions;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    /// Starts from `current` (the window's view); the scene is shared, not copied.
    ExportDialog(std::shared_ptr<const Scene> scene, const MapSettings& current, QWidget* parent = nullptr);
    ~ExportDialog() override;
    /// The options the dialog would export with now.
    ExportOptions options() const;

  public slots:
    void accept() override;

  private:
    void updatePreview();
    void browse();

    std::shared_ptr<const Scene> scene_;
    MapSettings base_;
    QLineEdit* path_ = nullptr;
    QSpinBox* width_ = nullptr;
    QSpinBox* height_ = nullptr;
    QComboBox* names_ = nullptr;
    QComboBox* script_ = nullptr;
    QList<QCheckBox*> claims_;
    QLineEdit* title_ = nullptr;
    QLabel* preview_ = nullptr;
    RenderScheduler* scheduler_ = nullptr;
};

} // namespace isv
