package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.ModelOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@link DemoModel#CREDIT} model: a regression of next month's card spend from 8 applicant features, segmented
 * by {@code product}. It never drifts (except an optional latency regression, applied by the generator); it is
 * there so the demo fleet has more than one model. Parameters are invented, not fitted.
 */
final class CreditSimulator implements ModelSimulator {

    /** Segment key of the credit model's events. */
    static final String SEGMENT_KEY = "product";

    private static final List<String> FEATURES = List.of("annual_income", "debt_to_income", "employment_years",
            "open_accounts", "home_ownership", "applicant_age", "delinquencies_2y", "utilization");

    private static final Map<String, Double> PRODUCTS = FraudSimulator.orderedWeights(
            new String[] {"card", "loan"}, new double[] {0.7, 0.3});
    private static final Map<String, Double> HOME_OWNERSHIP = FraudSimulator.orderedWeights(
            new String[] {"rent", "mortgage", "own"}, new double[] {0.40, 0.45, 0.15});
    private static final int CENTS = 2;
    private static final int RATIO_DECIMALS = 3;
    private static final double INCOME_MEDIAN = 58_000;
    private static final double INCOME_SIGMA = 0.5;
    private static final double INCOME_STEP = 100;
    private static final double DTI_LOG_ODDS_MEAN = -1.2;
    private static final double DTI_LOG_ODDS_SD = 0.6;
    private static final double EMPLOYMENT_MEAN_YEARS = 7;
    private static final long MAX_EMPLOYMENT_YEARS = 45;
    private static final double OPEN_ACCOUNTS_MEAN = 4;
    private static final double AGE_MEAN = 41;
    private static final double AGE_SD = 12;
    private static final double MIN_AGE = 18;
    private static final double MAX_AGE = 90;
    private static final double DELINQUENCIES_MEAN = 0.3;
    private static final double UTILIZATION_LOG_ODDS_MEAN = -0.8;
    private static final double UTILIZATION_LOG_ODDS_SD = 1.0;
    private static final double MONTHS_PER_YEAR = 12;
    // Spend model: a share of monthly income, raised by utilization, lowered by debt; loans spend less on card.
    private static final double SPEND_SHARE_OF_INCOME = 0.08;
    private static final double LOAN_SPEND_FACTOR = 0.6;
    private static final double DTI_SPEND_SLOPE = -0.2;
    /** Log-space spread of the actual spend around the prediction (the model's irreducible error). */
    private static final double OUTCOME_LOG_SIGMA = 0.25;

    private final WeightedChoice<String> products = WeightedChoice.of(PRODUCTS);
    private final WeightedChoice<String> homeOwnership = WeightedChoice.of(HOME_OWNERSHIP);

    @Override
    public DemoModel model() {
        return DemoModel.CREDIT;
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public SimulatedPrediction simulate(RandomGenerator random, boolean driftActive) {
        String product = products.draw(random);
        double income = INCOME_STEP * Math.round(RandomDraws.logNormal(random, INCOME_MEDIAN, INCOME_SIGMA) / INCOME_STEP);
        double debtToIncome = RandomDraws.round(RandomDraws.logistic(DTI_LOG_ODDS_MEAN
                + DTI_LOG_ODDS_SD * random.nextGaussian()), RATIO_DECIMALS);
        long employmentYears = Math.min(MAX_EMPLOYMENT_YEARS, Math.round(random.nextExponential() * EMPLOYMENT_MEAN_YEARS));
        int openAccounts = RandomDraws.poisson(random, OPEN_ACCOUNTS_MEAN);
        String home = homeOwnership.draw(random);
        long age = Math.round(RandomDraws.clamp(AGE_MEAN + AGE_SD * random.nextGaussian(), MIN_AGE, MAX_AGE));
        int delinquencies = RandomDraws.poisson(random, DELINQUENCIES_MEAN);
        double utilization = RandomDraws.round(RandomDraws.logistic(UTILIZATION_LOG_ODDS_MEAN
                + UTILIZATION_LOG_ODDS_SD * random.nextGaussian()), RATIO_DECIMALS);

        Map<String, FeatureValue> features = new LinkedHashMap<>();
        features.put("annual_income", new FeatureValue.Num(income));
        features.put("debt_to_income", new FeatureValue.Num(debtToIncome));
        features.put("employment_years", new FeatureValue.Num(employmentYears));
        features.put("open_accounts", new FeatureValue.Num(openAccounts));
        features.put("home_ownership", new FeatureValue.Str(home));
        features.put("applicant_age", new FeatureValue.Num(age));
        features.put("delinquencies_2y", new FeatureValue.Num(delinquencies));
        features.put("utilization", new FeatureValue.Num(utilization));

        double spend = RandomDraws.round(SPEND_SHARE_OF_INCOME * income / MONTHS_PER_YEAR * (1 + utilization)
                * ("loan".equals(product) ? LOAN_SPEND_FACTOR : 1.0) * Math.exp(DTI_SPEND_SLOPE * debtToIncome), CENTS);
        return new SimulatedPrediction(DemoModel.CREDIT, Map.of(SEGMENT_KEY, product), features,
                new ModelOutput.RegressionValue(spend), new GroundTruth.LogNormal(spend, OUTCOME_LOG_SIGMA), false);
    }
}
