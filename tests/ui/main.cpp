// ui_tests: GoogleTest with a QApplication (offscreen unless the environment says otherwise).
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Remembered window state must not leak between test runs or into a user's settings.
    qputenv("XDG_CONFIG_HOME", QByteArray("/nonexistent-isleview-test-config"));
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Isleview-tests"));
    QApplication::setApplicationName(QStringLiteral("isleview-tests"));
    return RUN_ALL_TESTS();
}
