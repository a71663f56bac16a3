#!/usr/bin/env python3
"""Writes the Driftwatch Grafana dashboards (classic JSON model) to src/main/resources/grafana/dashboards/.

The JSON files are committed; this script is their single source so panels, variables and thresholds stay
consistent across dashboards. Run it after editing, then `mvn verify -pl dashboards` (schema validation and
DashboardQueriesITCase run every panel query against ClickHouse).

Queries follow the ClickHouse plugin (grafana-clickhouse-datasource): macros $__timeFilter, $__timeInterval,
$__interval_s, $__fromTime, $__toTime; template variables only through Grafana's `percentencode` format inside
ClickHouse's decodeURLComponent (see value_of / one_of: the literal holds only [A-Za-z0-9-_.~%], so no value can
leave it, which the quoting formats cannot promise: ClickHouse reads \' as an escaped quote). Result tables are
ReplacingMergeTree and read with FINAL (schemas/TABLES.md).
"""
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "grafana",
                   "dashboards")
DATASOURCE_TYPE = "grafana-clickhouse-datasource"
# Fixed uid of the provisioned datasource (provisioning/datasources/clickhouse.yaml).
DATASOURCE_UID = "driftwatch-clickhouse"
DS = {"type": DATASOURCE_TYPE, "uid": "${datasource}"}
DB = "driftwatch"
SCHEMA_VERSION = 41  # Grafana 12's dashboard schemaVersion
TAG = "driftwatch"
# Plugin query formats (grafana-clickhouse-datasource Format enum): 0 time series, 1 table.
FORMAT_TIMESERIES = 0
FORMAT_TABLE = 1
GRID_WIDTH = 24

# Conventional PSI bands (Siddiqi, Credit Risk Scorecards, 2006): < 0.1 stable, 0.1-0.25 moderate, > 0.25 major.
PSI_MODERATE = 0.1
PSI_MAJOR = 0.25
# Data-quality rate bands: 1 % of observations is worth a look, 5 % is an incident.
RATE_WARN = 0.01
RATE_BAD = 0.05
# Latency bands for the p99 panels (ms); tune per model.
LATENCY_WARN_MS = 100
LATENCY_BAD_MS = 250
# A model serving less than this many predictions per second over the range is flagged.
MIN_THROUGHPUT_PER_SECOND = 0.01
# Late events per time range worth a look / an incident.
LATE_WARN = 1
LATE_BAD = 100
# Share of drift tests deciding drift.
DRIFT_SHARE_WARN = 0.05
DRIFT_SHARE_BAD = 0.2
# Expected calibration error bands: a model off by 5 points on average is worth a look, 10 points is an incident
# (common practice for risk scores; tune per model).
ECE_WARN = 0.05
ECE_BAD = 0.1
# Brier score bands for rare-event binary models (a constant 0.5 forecast scores 0.25).
BRIER_WARN = 0.1
BRIER_BAD = 0.25
# ROC AUC: 0.5 is chance; below 0.7 a fraud or risk model is usually not fit for purpose.
AUC_BAD = 0.6
AUC_WARN = 0.7
# Precision, recall and F1 at the decision threshold: below 0.3 the model misses or misfires most of the time.
RATE_AT_THRESHOLD_BAD = 0.3
RATE_AT_THRESHOLD_WARN = 0.5
# Label coverage (labelled / predictions) below which realized metrics rest on few labels; matches the
# alerting default min_coverage.
COVERAGE_BAD = 0.1
COVERAGE_WARN = 0.5
# Label delay (seconds) worth a look / an incident: a day / a week.
DELAY_WARN_S = 86400
DELAY_BAD_S = 7 * 86400
# Alerts firing at once worth a look / an incident.
FIRING_WARN = 1
FIRING_BAD = 5



def value_of(name):
    """A single-value variable as a string expression: Grafana percent-encodes it, ClickHouse decodes it."""
    return f"decodeURLComponent('${{{name}:percentencode}}')"


def one_of(column, name):
    """column is one of a multi-value variable's values.

    Grafana's percentencode writes a multi value as encode('{a,b}'); the braces become %7B and %7D at the ends of the
    encoded text, which this turns into %2C (a comma) before decoding, giving ',a,b,', in which ',column,' is looked
    up. Exact unless a value contains a comma (encode('{a,b}') is both ["a,b"] and ["a", "b"]): a selected value
    always matches, but a comma-bearing selection also matches its pieces."""
    return (f"position(decodeURLComponent(replaceRegexpAll('${{{name}:percentencode}}', '^%7B|%7D$', '%2C')), "
            f"concat(',', {column}, ',')) > 0")


MODEL = f"model_id = {value_of('model')}"
VERSIONS = one_of("model_version", "version")
SEGMENT = f"segment = {value_of('segment')}"
FEATURES = one_of("feature", "feature")
TEST = f"test = {value_of('test')}"
# Dead letters of the model, or not attributable to any model (empty model_id: the record did not parse).
DEAD_LETTER_MODEL = f"({MODEL} OR model_id = '')"
MODELS = one_of("model_id", "model")


def thresholds(*steps):
    """Absolute threshold steps: green below the first value, then yellow, then red."""
    colors = ["green", "yellow", "red"]
    result = [{"color": colors[0], "value": None}]
    for color, value in zip(colors[1:], steps):
        result.append({"color": color, "value": value})
    return {"mode": "absolute", "steps": result}


def higher_is_better(bad, warn):
    """Red below bad, yellow below warn, green from warn: for metrics where higher is better."""
    return {"mode": "absolute", "steps": [{"color": "red", "value": None}, {"color": "yellow", "value": bad},
                                          {"color": "green", "value": warn}]}


def at_least(minimum):
    """Red below minimum, green from it: for counts and rates that should never be zero."""
    return {"mode": "absolute", "steps": [{"color": "red", "value": None}, {"color": "green", "value": minimum}]}


def field_config(unit, steps=None, decimals=None, minimum=None, max_value=None, custom=None, overrides=None):
    defaults = {"unit": unit}
    if steps is not None:
        defaults["thresholds"] = steps
        defaults["color"] = {"mode": "thresholds"}
    if decimals is not None:
        defaults["decimals"] = decimals
    if minimum is not None:
        defaults["min"] = minimum
    if max_value is not None:
        defaults["max"] = max_value
    if custom is not None:
        defaults["custom"] = custom
    return {"defaults": defaults, "overrides": overrides or []}


def override(field, **properties):
    """A by-name field override: properties such as unit="percentunit" or custom_axisPlacement="right"."""
    return {"matcher": {"id": "byName", "options": field},
            "properties": [{"id": k.replace("_", "."), "value": v} for k, v in properties.items()]}


def coverage_override():
    """The coverage series of a metric panel: percent on a right-hand axis, so low coverage is visible."""
    return override("coverage", unit="percentunit", min=0, max=1, custom_axisPlacement="right",
                    custom_lineStyle={"fill": "dash", "dash": [6, 4]})


def link(title, url):
    return {"title": title, "url": url, "targetBlank": False}


def target(sql, fmt, ref="A"):
    return {"refId": ref, "datasource": DS, "editorType": "sql", "format": fmt,
            "queryType": "timeseries" if fmt == FORMAT_TIMESERIES else "table", "rawSql": " ".join(sql.split())}


class Layout:
    """Places panels left to right, wrapping at the grid width."""

    def __init__(self):
        self.x = 0
        self.y = 0
        self.row_height = 0
        self.next_id = 1

    def place(self, w, h):
        if self.x + w > GRID_WIDTH:
            self.x, self.y, self.row_height = 0, self.y + self.row_height, 0
        pos = {"h": h, "w": w, "x": self.x, "y": self.y}
        self.x += w
        self.row_height = max(self.row_height, h)
        return pos

    def panel(self, kind, title, description, w, h, targets, config, options):
        panel = {"id": self.next_id, "type": kind, "title": title, "description": description,
                 "gridPos": self.place(w, h), "datasource": DS, "targets": targets, "fieldConfig": config,
                 "options": options}
        self.next_id += 1
        return panel

    def text(self, title, content, w, h):
        panel = {"id": self.next_id, "type": "text", "title": title, "gridPos": self.place(w, h),
                 "options": {"mode": "markdown", "content": content}}
        self.next_id += 1
        return panel


def stat_options():
    return {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False}, "colorMode": "value",
            "graphMode": "none", "justifyMode": "auto", "textMode": "auto", "orientation": "auto"}


def series_options():
    return {"legend": {"displayMode": "table", "placement": "bottom", "showLegend": True, "calcs": ["max", "last"]},
            "tooltip": {"mode": "multi", "sort": "desc"}}


def table_options(sort_by=None):
    options = {"showHeader": True, "cellHeight": "sm", "footer": {"show": False, "reducer": ["sum"], "fields": ""}}
    if sort_by:
        options["sortBy"] = [{"displayName": sort_by, "desc": True}]
    return options


def line_custom():
    return {"drawStyle": "line", "lineWidth": 2, "fillOpacity": 0, "showPoints": "never", "spanNulls": True,
            "thresholdsStyle": {"mode": "line+area"}}


def datasource_variable():
    return {"name": "datasource", "label": "Data source", "type": "datasource", "query": DATASOURCE_TYPE,
            "current": {"text": "Driftwatch ClickHouse", "value": DATASOURCE_UID}, "hide": 0, "refresh": 1,
            "regex": "", "includeAll": False, "multi": False, "options": [], "skipUrlSync": False}


def query_variable(name, label, sql, multi=False, include_all=False, current=None):
    variable = {"name": name, "label": label, "type": "query", "datasource": DS, "query": " ".join(sql.split()),
                "refresh": 2, "sort": 1, "hide": 0, "multi": multi, "includeAll": include_all,
                "allowCustomValue": False, "regex": "", "options": [], "skipUrlSync": False}
    if current is not None:
        variable["current"] = current
    return variable


def model_variable():
    return query_variable("model", "Model", f"SELECT DISTINCT model_id FROM {DB}.volume WHERE "
                          "$__timeFilter(window_start) ORDER BY model_id")


def version_variable():
    return query_variable("version", "Version", f"SELECT DISTINCT model_version FROM {DB}.volume WHERE {MODEL} "
                          "AND $__timeFilter(window_start) ORDER BY model_version", multi=True, include_all=True,
                          current={"text": ["All"], "value": ["$__all"]})


def segment_variable():
    # Two columns: the plugin takes the first as value and the second as the text shown.
    return query_variable("segment", "Segment", f"SELECT DISTINCT segment AS value, if(segment = '', 'all traffic', "
                          f"segment) AS text FROM {DB}.volume WHERE {MODEL} ORDER BY segment",
                          current={"text": "all traffic", "value": ""})


def feature_variable(table):
    subject = " AND subject = 'feature'" if table == "feature_drift" else ""
    return query_variable("feature", "Feature", f"SELECT DISTINCT feature FROM {DB}.{table} WHERE {MODEL}{subject} "
                          "ORDER BY feature", multi=True, include_all=True,
                          current={"text": ["All"], "value": ["$__all"]})


def test_variable():
    return query_variable("test", "Drift test", f"SELECT DISTINCT test FROM {DB}.feature_drift WHERE {MODEL} "
                          "AND subject = 'feature' ORDER BY test", current={"text": "psi", "value": "psi"})


def alert_annotation(scope):
    """Alert events (alerts table) as annotations: fired and reminder in red, resolved in green via tags."""
    sql = (f"SELECT window_end AS time, concat(toString(kind), ' · ', toString(severity), ' · ', rule, ': ', summary) "
           f"AS text, arrayStringConcat([toString(kind), toString(severity), metric], ',') AS tags "
           f"FROM {DB}.alerts FINAL WHERE {scope} AND $__timeFilter(window_end) ORDER BY time")
    return {"name": "Alerts", "datasource": DS, "enable": True, "hide": False, "iconColor": "red",
            "target": {**target(sql, FORMAT_TABLE, ref="Anno")}}


def dashboard(uid, title, description, variables, panels, annotations=()):
    return {
        "id": None, "uid": uid, "title": title, "description": description, "tags": [TAG], "timezone": "utc",
        "editable": True, "graphTooltip": 1, "schemaVersion": SCHEMA_VERSION, "version": 1, "refresh": "1m",
        "time": {"from": "now-2d", "to": "now"}, "fiscalYearStartMonth": 0, "liveNow": False,
        "annotations": {"list": [{"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                                  "enable": True, "hide": True, "iconColor": "rgba(0, 211, 255, 1)",
                                  "name": "Annotations & Alerts", "type": "dashboard"}] + list(annotations)},
        "links": [{"title": "Driftwatch", "type": "dashboards", "tags": [TAG], "asDropdown": True, "icon": "external link",
                   "includeVars": False, "keepTime": True, "targetBlank": False, "tooltip": "", "url": ""}],
        "templating": {"list": [datasource_variable()] + variables},
        "panels": panels,
    }


def fleet():
    g = Layout()
    volume = f"FROM {DB}.volume FINAL WHERE segment = '' AND $__timeFilter(window_start)"
    drift = f"FROM {DB}.feature_drift FINAL WHERE segment = '' AND $__timeFilter(window_start)"
    panels = [
        g.panel("stat", "Models", "Models that reported predictions in the time range.", 6, 4,
                [target(f"SELECT count(DISTINCT model_id) AS models {volume}", FORMAT_TABLE)],
                field_config("none", at_least(1), decimals=0), stat_options()),
        g.panel("stat", "Predictions", "Predictions over all models and versions in the time range.", 6, 4,
                [target(f"SELECT sum(predictions) AS predictions {volume}", FORMAT_TABLE)],
                field_config("short", at_least(1)), stat_options()),
        g.panel("stat", "Drifting tests", "Share of drift test results (all models, features and windows) that "
                "decided drift.", 6, 4,
                [target(f"SELECT countIf(drift) / count() AS drifting {drift}", FORMAT_TABLE)],
                field_config("percentunit", thresholds(DRIFT_SHARE_WARN, DRIFT_SHARE_BAD), decimals=1),
                stat_options()),
        g.panel("stat", "Late events", "Events that arrived after their window closed and were not counted.", 6, 4,
                [target(f"SELECT sum(late_events) AS late_events {volume}", FORMAT_TABLE)],
                field_config("short", thresholds(LATE_WARN, LATE_BAD)), stat_options()),
        g.panel("table", "Models", "Per model: versions seen, predictions, late events, last window.", 12, 8,
                [target(f"SELECT model_id, arrayStringConcat(arraySort(groupUniqArray(model_version)), ', ') AS "
                        f"versions, sum(predictions) AS predictions, sum(late_events) AS late_events, "
                        f"max(window_end) AS last_window {volume} GROUP BY model_id ORDER BY model_id", FORMAT_TABLE)],
                field_config("short"), table_options("predictions")),
        g.panel("table", "Worst drift per model", "Per model, the feature and distance test whose statistic went "
                "furthest past its threshold (statistic / threshold; above 1 means drift), and how many features "
                "drifted at least once.", 12, 8,
                [target(f"SELECT model_id, argMax(feature, statistic / threshold) AS worst_feature, "
                        f"argMax(test, statistic / threshold) AS test, max(statistic / threshold) AS "
                        f"worst_statistic_to_threshold, uniqExactIf(feature, drift) AS drifting_features "
                        f"{drift} AND p_value IS NULL AND threshold > 0 GROUP BY model_id ORDER BY "
                        f"worst_statistic_to_threshold DESC", FORMAT_TABLE)],
                field_config("none", thresholds(0.8, 1.0), decimals=2), table_options()),
        g.panel("timeseries", "Predictions per model", "Predictions per model and time bucket, all traffic.", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, model_id, sum(predictions) AS predictions "
                        f"{volume} GROUP BY time, model_id ORDER BY time", FORMAT_TIMESERIES)],
                field_config("short", custom=line_custom()), series_options()),
        g.panel("timeseries", "Share of drifting tests per model", "Per model and time bucket, the share of drift "
                "test results that decided drift.", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, model_id, countIf(drift) / count() AS "
                        f"drifting {drift} GROUP BY time, model_id ORDER BY time", FORMAT_TIMESERIES)],
                field_config("percentunit", thresholds(DRIFT_SHARE_WARN, DRIFT_SHARE_BAD), minimum=0, max_value=1,
                             custom=line_custom()), series_options()),
    ]
    return dashboard("driftwatch-fleet", "Driftwatch / Fleet overview",
                     "Every monitored model: volume, drift and lateness at a glance.", [], panels)


def model():
    g = Layout()
    scope = f"{MODEL} AND {VERSIONS} AND {SEGMENT} AND $__timeFilter(window_start)"
    volume = f"FROM {DB}.volume FINAL WHERE {scope}"
    latency = f"FROM {DB}.latency FINAL WHERE {scope}"
    score = f"FROM {DB}.feature_drift FINAL WHERE {scope} AND subject = 'score' AND baseline_kind = 'training'"
    panels = [
        g.panel("stat", "Predictions", "Predictions of the selected versions and segment in the time range.", 6, 4,
                [target(f"SELECT sum(predictions) AS predictions {volume}", FORMAT_TABLE)],
                field_config("short", at_least(1)), stat_options()),
        g.panel("stat", "Worst p99 latency", "Highest window p99 latency in the time range.", 6, 4,
                [target(f"SELECT max(p99_ms) AS p99_ms {latency}", FORMAT_TABLE)],
                field_config("ms", thresholds(LATENCY_WARN_MS, LATENCY_BAD_MS)), stat_options()),
        g.panel("stat", "Score drift windows", "Windows whose score distribution drifted from the training "
                "baseline.", 6, 4,
                [target(f"SELECT countIf(drift) AS drifting_windows {score}", FORMAT_TABLE)],
                field_config("none", thresholds(1, 3), decimals=0), stat_options()),
        g.panel("stat", "Average throughput", "Predictions per second averaged over the dashboard's time range.",
                6, 4,
                [target(f"SELECT sum(predictions) / greatest(1, dateDiff('second', $__fromTime, $__toTime)) AS "
                        f"predictions_per_second {volume}", FORMAT_TABLE)],
                field_config("reqps", at_least(MIN_THROUGHPUT_PER_SECOND), decimals=2), stat_options()),
        g.panel("timeseries", "Throughput per version", "Predictions per second per version and time bucket "
                "($__interval_s seconds per bucket).", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, model_version, sum(predictions) / "
                        f"$__interval_s AS predictions_per_second {volume} GROUP BY time, model_version ORDER BY time",
                        FORMAT_TIMESERIES)],
                field_config("reqps", custom=line_custom()), series_options()),
        g.panel("timeseries", "Latency p50 / p95 / p99 / p99.9", "Window latency quantiles (within 1 % relative "
                "error); the worst window per bucket when buckets span several windows.", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, max(p50_ms) AS p50, max(p95_ms) AS p95, "
                        f"max(p99_ms) AS p99, max(p999_ms) AS p999 {latency} GROUP BY time ORDER BY time",
                        FORMAT_TIMESERIES)],
                field_config("ms", thresholds(LATENCY_WARN_MS, LATENCY_BAD_MS), minimum=0, custom=line_custom()),
                series_options()),
        g.panel("timeseries", "Score drift vs training baseline", "Drift statistic of the score distribution per "
                "test against the stored training baseline, with the test's threshold.", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, test, max(statistic) AS statistic, "
                        f"max(threshold) AS threshold {score} GROUP BY time, test ORDER BY time",
                        FORMAT_TIMESERIES)],
                field_config("none", thresholds(PSI_MODERATE, PSI_MAJOR), minimum=0, custom=line_custom()),
                series_options()),
        g.panel("timeseries", "Score mean and spread", "Per window: mean score and mean ± one standard deviation.",
                12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, sum(score_sum) / nullIf(sum(scored), 0) AS "
                        f"mean, avg(score_mean - score_std) AS mean_minus_std, avg(score_mean + score_std) AS "
                        f"mean_plus_std {volume} AND scored > 0 GROUP BY time ORDER BY time", FORMAT_TIMESERIES)],
                field_config("none", custom=line_custom()), series_options()),
    ]
    performance = f"FROM {DB}.performance FINAL WHERE {scope}"
    panels += [
        g.panel("stat", "Label coverage", "Predictions of the time range that have a label so far (labels arrive "
                "late: recent windows fill up over time).", 6, 4,
                [target(f"SELECT sum(labelled) / sum(predictions) AS coverage {performance}", FORMAT_TABLE)],
                field_config("percentunit", higher_is_better(COVERAGE_BAD, COVERAGE_WARN), decimals=1),
                stat_options()),
        g.panel("stat", "Worst label delay p90", "Highest window p90 of label time minus prediction time.", 6, 4,
                [target(f"SELECT max(label_delay_p90_s) AS label_delay_p90_s {performance} AND labelled > 0",
                        FORMAT_TABLE)],
                field_config("s", thresholds(DELAY_WARN_S, DELAY_BAD_S)), stat_options()),
        g.panel("stat", "Alerts fired", "Alert events of kind fired for this model in the time range (Alerts "
                "dashboard for details; they are also annotations on the time series here).", 6, 4,
                [target(f"SELECT countIf(kind = 'fired') AS fired FROM {DB}.alerts FINAL WHERE {MODEL} AND "
                        f"{VERSIONS} AND {SEGMENT} AND $__timeFilter(window_end)", FORMAT_TABLE)],
                field_config("none", thresholds(FIRING_WARN, FIRING_BAD), decimals=0), stat_options()),
        g.panel("stat", "Latest ECE", "Expected calibration error of the latest window with labels (Calibration "
                "dashboard for the diagram).", 6, 4,
                [target(f"SELECT argMax(ece, window_start) AS ece {performance} AND labelled > 0", FORMAT_TABLE)],
                field_config("none", thresholds(ECE_WARN, ECE_BAD), decimals=3), stat_options()),
        g.panel("timeseries", "Label coverage per version", "Labelled / predictions per prediction-time window; "
                "grows as delayed labels arrive.", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, model_version, sum(labelled) / "
                        f"nullIf(sum(predictions), 0) AS coverage {performance} GROUP BY time, model_version "
                        f"ORDER BY time", FORMAT_TIMESERIES)],
                field_config("percentunit", higher_is_better(COVERAGE_BAD, COVERAGE_WARN), minimum=0, max_value=1,
                             custom=line_custom()), series_options()),
        g.panel("timeseries", "Label delay p50 / p90 / p99", "Label event time minus prediction event time, per "
                "prediction-time window (the worst version per bucket).", 12, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, max(label_delay_p50_s) AS p50, "
                        f"max(label_delay_p90_s) AS p90, max(label_delay_p99_s) AS p99 {performance} AND labelled > 0 "
                        f"GROUP BY time ORDER BY time", FORMAT_TIMESERIES)],
                field_config("s", thresholds(DELAY_WARN_S, DELAY_BAD_S), minimum=0, custom=line_custom()),
                series_options()),
    ]
    return dashboard("driftwatch-model", "Driftwatch / Model",
                     "One model: volume, latency quantiles, score drift against its training baseline, label "
                     "coverage and delay; alert events as annotations.",
                     [model_variable(), version_variable(), segment_variable()], panels,
                     [alert_annotation(f"{MODEL} AND {VERSIONS} AND {SEGMENT}")])


def calibration():
    g = Layout()
    scope = f"{MODEL} AND {VERSIONS} AND {SEGMENT} AND $__timeFilter(window_start)"
    labelled = f"FROM {DB}.performance FINAL WHERE {scope} AND labelled > 0"
    bins = f"FROM {DB}.reliability FINAL WHERE {scope} AND count > 0"
    coverage = "sum(labelled) / nullIf(sum(predictions), 0) AS coverage"

    def latest(title, description, column, config):
        return g.panel("stat", title, description, 6, 4,
                       [target(f"SELECT argMax({column}, window_start) AS {column} {labelled}", FORMAT_TABLE)],
                       config, stat_options())

    def with_coverage(title, description, metrics, config):
        return g.panel("timeseries", title, description + " Dashed, right axis: label coverage.", 12, 8,
                       [target(f"SELECT $__timeInterval(window_start) AS time, {metrics}, {coverage} {labelled} "
                               f"GROUP BY time ORDER BY time", FORMAT_TIMESERIES)], config, series_options())

    panels = [
        latest("Latest ECE", "Expected calibration error (equal-width bins) of the latest window with labels.",
               "ece", field_config("none", thresholds(ECE_WARN, ECE_BAD), decimals=3)),
        latest("Latest Brier score", "Mean squared error of the score against the label, latest window.", "brier",
               field_config("none", thresholds(BRIER_WARN, BRIER_BAD), decimals=3)),
        latest("Latest ROC AUC", "Area under the ROC curve of the latest window with labels.", "roc_auc",
               field_config("none", higher_is_better(AUC_BAD, AUC_WARN), decimals=3)),
        g.panel("stat", "Label coverage", "Predictions of the time range that have a label so far.", 6, 4,
                [target(f"SELECT sum(labelled) / sum(predictions) AS coverage FROM {DB}.performance FINAL WHERE "
                        f"{scope}", FORMAT_TABLE)],
                field_config("percentunit", higher_is_better(COVERAGE_BAD, COVERAGE_WARN), decimals=1),
                stat_options()),
        g.panel("xychart", "Reliability diagram", "Per score bin over the time range: mean predicted score (x) "
                "against the observed positive rate (y), weighted by labelled predictions. A calibrated model lies "
                "on the diagonal.", 12, 10,
                [target(f"SELECT sum(count * mean_predicted) / sum(count) AS mean_predicted, "
                        f"sum(count * fraction_positive) / sum(count) AS fraction_positive {bins} GROUP BY bin "
                        f"ORDER BY mean_predicted", FORMAT_TABLE)],
                field_config("percentunit", minimum=0, max_value=1,
                             custom={"show": "points", "pointSize": {"fixed": 8}}),
                {"mapping": "auto", "series": [], "legend": {"showLegend": True, "displayMode": "list",
                                                              "placement": "bottom", "calcs": []},
                 "tooltip": {"mode": "single", "sort": "none"}}),
        g.panel("table", "Reliability bins", "Per score bin: labelled predictions, mean predicted score, observed "
                "positive rate and their gap (positive: the model under-predicts).", 12, 10,
                [target(f"SELECT bin, min(lower) AS lower, max(upper) AS upper, sum(count) AS labelled, "
                        f"sum(count * mean_predicted) / sum(count) AS mean_predicted, sum(count * fraction_positive) "
                        f"/ sum(count) AS fraction_positive, fraction_positive - mean_predicted AS gap {bins} "
                        f"GROUP BY bin ORDER BY bin", FORMAT_TABLE)],
                field_config("none", thresholds(ECE_WARN, ECE_BAD), decimals=3), table_options()),
        with_coverage("ECE, MCE and adaptive ECE", "Calibration errors per prediction-time window (worst version "
                      "per bucket).", "max(ece) AS ece, max(mce) AS mce, max(ace) AS ace",
                      field_config("none", thresholds(ECE_WARN, ECE_BAD), minimum=0, custom=line_custom(),
                                   overrides=[coverage_override()])),
        with_coverage("Brier score and log loss", "Proper scoring rules per window (worst version per bucket).",
                      "max(brier) AS brier, max(log_loss) AS log_loss",
                      field_config("none", thresholds(BRIER_WARN, BRIER_BAD), minimum=0, custom=line_custom(),
                                   overrides=[coverage_override()])),
        with_coverage("ROC AUC and average precision", "Ranking quality per window (worst version per bucket).",
                      "min(roc_auc) AS roc_auc, min(average_precision) AS average_precision",
                      field_config("none", higher_is_better(AUC_BAD, AUC_WARN), minimum=0, max_value=1,
                                   custom=line_custom(), overrides=[coverage_override()])),
        with_coverage("Precision, recall, F1 at the threshold", "Realized metrics, or the CBPE estimates "
                      "(estimated_*) for windows whose coverage is below min_coverage.",
                      "min(if(estimated, estimated_precision, precision)) AS precision, min(if(estimated, "
                      "estimated_recall, recall)) AS recall, min(if(estimated, estimated_f1, f1)) AS f1",
                      field_config("percentunit", higher_is_better(RATE_AT_THRESHOLD_BAD, RATE_AT_THRESHOLD_WARN),
                                   minimum=0, max_value=1, custom=line_custom(), overrides=[coverage_override()])),
        g.panel("table", "Change points", "Changes the detectors (ADWIN, DDM, ...) found on the error stream, "
                "newest first.", 24, 8,
                [target(f"SELECT detected_at, model_version, segment, detector, stream, window_start, observations, "
                        f"mean_before, mean_after FROM {DB}.change_points FINAL WHERE {MODEL} AND {VERSIONS} AND "
                        f"{SEGMENT} AND $__timeFilter(detected_at) ORDER BY detected_at DESC LIMIT 100",
                        FORMAT_TABLE)],
                field_config("none", decimals=4), table_options()),
    ]
    return dashboard("driftwatch-calibration", "Driftwatch / Calibration & performance",
                     "One model's calibration (reliability diagram, ECE, Brier) and performance (ROC AUC, precision, "
                     "recall) per prediction-time window, with label coverage; alert events as annotations.",
                     [model_variable(), version_variable(), segment_variable()], panels,
                     [alert_annotation(f"{MODEL} AND {VERSIONS} AND {SEGMENT}")])


def feature_drift():
    g = Layout()
    scope = f"{MODEL} AND {VERSIONS} AND {SEGMENT} AND subject = 'feature' AND $__timeFilter(window_start)"
    drift = f"FROM {DB}.feature_drift FINAL WHERE {scope}"
    panels = [
        g.panel("table", "Top drifting features", "Features and tests by number of drifting windows, then by the "
                "largest statistic.", 12, 9,
                [target(f"SELECT feature, test, countIf(drift) AS drifting_windows, count() AS windows, "
                        f"max(statistic) AS max_statistic, min(p_value) AS min_p_value, any(threshold) AS threshold "
                        f"{drift} AND {FEATURES} GROUP BY feature, test ORDER BY drifting_windows DESC, max_statistic "
                        f"DESC LIMIT 20", FORMAT_TABLE)],
                field_config("none", thresholds(1, 3), decimals=3), table_options()),
        g.panel("heatmap", "${test} per feature × window", "The selected test's statistic per feature (rows) and "
                "time bucket (columns); the worst window when a bucket spans several.", 12, 9,
                [target(f"SELECT $__timeInterval(window_start) AS time, feature, max(statistic) AS statistic "
                        f"{drift} AND {FEATURES} AND {TEST} GROUP BY time, feature ORDER BY time", FORMAT_TIMESERIES)],
                field_config("none"),
                {"calculate": False, "cellGap": 1, "color": {"mode": "scheme", "scheme": "Oranges", "steps": 64,
                                                             "fill": "dark", "scale": "exponential", "exponent": 0.5},
                 "yAxis": {"axisPlacement": "left"}, "rowsFrame": {"layout": "auto"}, "legend": {"show": True},
                 "tooltip": {"mode": "single", "yHistogram": False}, "cellValues": {"decimals": 3}}),
        g.panel("timeseries", "${test} statistic and threshold", "Per feature, the selected test's statistic over "
                "time (query A) and its threshold (query B). A distance test drifts above the threshold; for "
                "p-value tests the threshold applies to the p-value, shown in the table below.", 24, 9,
                [target(f"SELECT $__timeInterval(window_start) AS time, feature, max(statistic) AS statistic "
                        f"{drift} AND {FEATURES} AND {TEST} GROUP BY time, feature ORDER BY time", FORMAT_TIMESERIES),
                 target(f"SELECT $__timeInterval(window_start) AS time, max(threshold) AS threshold {drift} AND "
                        f"{TEST} GROUP BY time ORDER BY time", FORMAT_TIMESERIES, ref="B")],
                field_config("none", thresholds(PSI_MODERATE, PSI_MAJOR), minimum=0, custom=line_custom()),
                series_options()),
        g.panel("table", "Drifting windows", "The latest windows where a test decided drift, newest first.", 24, 9,
                [target(f"SELECT window_start, window_end, model_version, feature, test, statistic, p_value, "
                        f"threshold, n_reference, n_current, baseline_kind {drift} AND {FEATURES} AND drift "
                        f"ORDER BY window_start DESC, feature LIMIT 200", FORMAT_TABLE)],
                field_config("none", decimals=4), table_options()),
    ]
    return dashboard("driftwatch-feature-drift", "Driftwatch / Feature drift",
                     "Per-feature drift statistics against the baseline: which features drift, when and how far.",
                     [model_variable(), version_variable(), segment_variable(), feature_variable("feature_drift"),
                      test_variable()], panels)


def data_quality():
    g = Layout()
    scope = f"{MODEL} AND {VERSIONS} AND {SEGMENT} AND {FEATURES} AND $__timeFilter(window_start)"
    quality = f"FROM {DB}.data_quality FINAL WHERE {scope}"
    rate_config = field_config("percentunit", thresholds(RATE_WARN, RATE_BAD), decimals=2, minimum=0,
                               custom=line_custom())

    def rate_series(title, description, numerator):
        return g.panel("timeseries", title, description, 12, 8,
                       [target(f"SELECT $__timeInterval(window_start) AS time, feature, sum({numerator}) / "
                               f"nullIf(sum(seen), 0) AS rate {quality} GROUP BY time, feature ORDER BY time",
                               FORMAT_TIMESERIES)], rate_config, series_options())

    panels = [
        g.panel("table", "Issue rates per feature", "Per feature over the time range: observations and the share "
                "that was null, NaN, infinite, out of the reference range, an unseen category or of the wrong type.",
                24, 9,
                [target(f"SELECT feature, sum(seen) AS observations, sum(null_count) / sum(seen) AS null_rate, "
                        f"sum(nan_count) / sum(seen) AS nan_rate, sum(infinite_count) / sum(seen) AS infinite_rate, "
                        f"sum(out_of_range_count) / sum(seen) AS out_of_range_rate, sum(unseen_category_count) / "
                        f"sum(seen) AS unseen_category_rate, sum(type_mismatch_count) / sum(seen) AS "
                        f"type_mismatch_rate {quality} GROUP BY feature HAVING sum(seen) > 0 ORDER BY null_rate DESC",
                        FORMAT_TABLE)],
                field_config("percentunit", thresholds(RATE_WARN, RATE_BAD), decimals=2), table_options()),
        rate_series("Null rate", "Missing values / observations, per feature.", "null_count"),
        rate_series("NaN and infinite rate", "NaN or ±infinite values / observations, per feature.",
                    "nan_count + infinite_count"),
        rate_series("Out-of-range rate", "Finite values outside the reference [min, max] / observations.",
                    "out_of_range_count"),
        rate_series("Unseen category rate", "Categories absent from the reference / observations (categorical "
                    "features).", "unseen_category_count"),
        g.panel("stat", "Dead letters", "Input records the pipeline rejected in the time range: this model's, and "
                "those it could not attribute to a model (the job writes an empty model_id for records that did not "
                "parse).", 8, 6,
                [target(f"SELECT count() AS dead_letters FROM {DB}.dead_letters FINAL WHERE {DEAD_LETTER_MODEL} AND "
                        f"$__timeFilter(record_time)", FORMAT_TABLE)],
                field_config("short", thresholds(1, 100)), stat_options()),
        g.panel("table", "Dead letters by reason", "Rejections per reason with an example and the offset range "
                "to replay from (this model's and unattributed records).", 16, 6,
                [target(f"SELECT reason, count() AS records, any(detail) AS example_detail, min(source_offset) AS "
                        f"first_offset, max(source_offset) AS last_offset FROM {DB}.dead_letters FINAL WHERE "
                        f"{DEAD_LETTER_MODEL} AND $__timeFilter(record_time) GROUP BY reason ORDER BY records DESC",
                        FORMAT_TABLE)],
                field_config("none"), table_options("records")),
    ]
    return dashboard("driftwatch-data-quality", "Driftwatch / Data quality",
                     "Per-feature null, NaN, infinite, out-of-range, unseen-category and type-mismatch rates.",
                     [model_variable(), version_variable(), segment_variable(), feature_variable("data_quality")],
                     panels)


def alerts():
    g = Layout()
    # The feature selection filters feature-level alerts; model-level ones (latency, calibration: empty feature)
    # always show.
    series = f"{MODELS} AND {VERSIONS} AND {SEGMENT} AND ({FEATURES} OR feature = '')"
    scope = f"{series} AND $__timeFilter(window_end)"
    events = f"FROM {DB}.alerts FINAL WHERE {scope}"
    drift = (f"FROM {DB}.feature_drift FINAL WHERE {MODELS} AND {VERSIONS} AND {SEGMENT} "
             f"AND {FEATURES} AND drift AND $__timeFilter(window_start)")
    model_link = link("Model dashboard", "/d/driftwatch-model/driftwatch-model?var-model=${__data.fields.model_id}"
                      "&var-segment=${__data.fields.segment}&${__url_time_range}")
    event_links = [override("rule", links=[link("Open the dashboard of this alert", "${__data.fields.dashboard_url}")]),
                   override("runbook_url", links=[link("Runbook", "${__value.raw}")]),
                   override("model_id", links=[model_link]),
                   override("severity", custom_cellOptions={"type": "color-text"},
                            mappings=[{"type": "value", "options": {
                                "critical": {"color": "red", "index": 0}, "error": {"color": "orange", "index": 1},
                                "warning": {"color": "yellow", "index": 2}, "info": {"color": "blue", "index": 3}}}])]
    panels = [
        g.panel("stat", "Firing", "Alert series whose latest event in the time range is fired or a reminder.", 6, 4,
                [target(f"SELECT count() AS firing FROM (SELECT dedup_key, argMax(kind, window_end) AS last_kind "
                        f"{events} GROUP BY dedup_key) WHERE last_kind != 'resolved'", FORMAT_TABLE)],
                field_config("none", thresholds(FIRING_WARN, FIRING_BAD), decimals=0), stat_options()),
        g.panel("stat", "Alerts fired", "Alert events of kind fired in the time range.", 6, 4,
                [target(f"SELECT countIf(kind = 'fired') AS fired {events}", FORMAT_TABLE)],
                field_config("none", thresholds(FIRING_WARN, FIRING_BAD), decimals=0), stat_options()),
        g.panel("stat", "Critical alerts fired", "Fired events of severity critical in the time range.", 6, 4,
                [target(f"SELECT countIf(kind = 'fired' AND severity = 'critical') AS critical {events}",
                        FORMAT_TABLE)],
                field_config("none", thresholds(FIRING_WARN, FIRING_WARN + 1), decimals=0), stat_options()),
        g.panel("stat", "Resolved", "Alert events of kind resolved in the time range.", 6, 4,
                [target(f"SELECT countIf(kind = 'resolved') AS resolved {events}", FORMAT_TABLE)],
                field_config("none", at_least(0), decimals=0), stat_options()),
        g.panel("timeseries", "Fired alerts per severity", "Fired events per severity and time bucket.", 12, 8,
                [target(f"SELECT $__timeInterval(window_end) AS time, toString(severity) AS severity, count() AS "
                        f"fired {events} AND kind = 'fired' GROUP BY time, severity ORDER BY time",
                        FORMAT_TIMESERIES)],
                field_config("short", thresholds(FIRING_WARN, FIRING_BAD), custom={"drawStyle": "bars",
                                                                                   "fillOpacity": 60}),
                series_options()),
        g.panel("table", "Alerts per rule", "Per rule: fired events, reminders, resolutions and series affected.",
                12, 8,
                [target(f"SELECT rule, any(metric) AS metric, countIf(kind = 'fired') AS fired, countIf(kind = "
                        f"'reminder') AS reminders, countIf(kind = 'resolved') AS resolved, uniqExact(dedup_key) AS "
                        f"series, max(window_end) AS last_event {events} GROUP BY rule ORDER BY fired DESC, rule",
                        FORMAT_TABLE)],
                field_config("none"), table_options("fired")),
        g.panel("table", "Alert events", "Every alert event, newest first. Links: rule opens the dashboard the "
                "alert points to, model_id the Model dashboard, runbook_url the runbook.", 24, 10,
                [target(f"SELECT window_end AS time, kind, severity, rule, model_id, model_version, segment, feature, "
                        f"metric, test, value_name, value, threshold, summary, firing_since, dedup_key, "
                        f"dashboard_url, runbook_url {events} ORDER BY time DESC, rule LIMIT 500", FORMAT_TABLE)],
                field_config("none", decimals=4, overrides=event_links), table_options()),
        g.panel("timeseries", "Drift decisions per model", "Drift test results deciding drift, per model and time "
                "bucket: the decisions feature_drift rules alert on.", 24, 8,
                [target(f"SELECT $__timeInterval(window_start) AS time, model_id, count() AS drift_decisions "
                        f"{drift} GROUP BY time, model_id ORDER BY time", FORMAT_TIMESERIES)],
                field_config("short", thresholds(1, 10), custom={"drawStyle": "bars", "fillOpacity": 60}),
                series_options()),
    ]
    model_variable_all = query_variable("model", "Model", f"SELECT DISTINCT model_id FROM {DB}.volume WHERE "
                                        "$__timeFilter(window_start) ORDER BY model_id", multi=True, include_all=True,
                                        current={"text": ["All"], "value": ["$__all"]})
    return dashboard("driftwatch-alerts", "Driftwatch / Alerts",
                     "Alert events (fired, reminder, resolved) from the alerts table across models, with links to "
                     "the dashboards and runbooks behind them.",
                     [model_variable_all, version_variable_all_models(), segment_variable_all_models(),
                      alert_feature_variable()], panels, [alert_annotation(series)])


def version_variable_all_models():
    return query_variable("version", "Version", f"SELECT DISTINCT model_version FROM {DB}.volume WHERE {MODELS} "
                          "AND $__timeFilter(window_start) ORDER BY model_version", multi=True,
                          include_all=True, current={"text": ["All"], "value": ["$__all"]})


def alert_feature_variable():
    return query_variable("feature", "Feature", f"SELECT DISTINCT feature FROM {DB}.alerts WHERE {MODELS} "
                          "AND feature != '' ORDER BY feature", multi=True, include_all=True,
                          current={"text": ["All"], "value": ["$__all"]})


def segment_variable_all_models():
    return query_variable("segment", "Segment", f"SELECT DISTINCT segment AS value, if(segment = '', 'all traffic', "
                          f"segment) AS text FROM {DB}.volume WHERE {MODELS} ORDER BY segment",
                          current={"text": "all traffic", "value": ""})


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, build in [("fleet-overview", fleet), ("model", model), ("feature-drift", feature_drift),
                        ("data-quality", data_quality), ("calibration", calibration),
                        ("alerts", alerts)]:
        path = os.path.join(OUT, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(build(), f, indent=2, ensure_ascii=False)
            f.write("\n")
        print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
