package io.driftwatch.localstack.flink;

/** A Flink job's status as the REST API reports it ({@code org.apache.flink.api.common.JobStatus}). */
public enum JobState {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED,
    RECONCILING;

    /** True once the job can no longer change: finished, failed or canceled. */
    public boolean isGloballyTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
