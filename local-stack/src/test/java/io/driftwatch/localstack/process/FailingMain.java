package io.driftwatch.localstack.process;

/** Test child: prints a detail and exits with status {@value #STATUS}. */
public final class FailingMain {

    static final int STATUS = 7;

    private FailingMain() {
    }

    public static void main(String[] args) {
        System.out.println("boom: the detail a user needs");
        System.exit(STATUS);
    }
}
