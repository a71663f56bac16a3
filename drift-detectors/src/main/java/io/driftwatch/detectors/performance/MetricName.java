package io.driftwatch.detectors.performance;

/** The metric keys, spelled exactly as the {@code evaluate} CLI and the result tables emit them. */
public enum MetricName {
    ECE("ece"),
    MCE("mce"),
    ACE("ace"),
    BRIER("brier"),
    LOG_LOSS("log_loss"),
    ROC_AUC("roc_auc"),
    AVERAGE_PRECISION("average_precision"),
    PRECISION("precision"),
    RECALL("recall"),
    F1("f1"),
    ACCURACY("accuracy"),
    CONFUSION_MATRIX("confusion_matrix"),
    RELIABILITY("reliability"),
    MACRO_F1("macro_f1"),
    TOP1_ACCURACY("top1_accuracy"),
    MAE("mae"),
    RMSE("rmse"),
    MAPE("mape"),
    R2("r2");

    private final String key;

    MetricName(String key) {
        this.key = key;
    }

    /** The JSON key. */
    public String key() {
        return key;
    }
}
