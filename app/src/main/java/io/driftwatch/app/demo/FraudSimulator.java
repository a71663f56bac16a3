package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.ModelOutput;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@link DemoModel#FRAUD} model: card transactions with 21 features and a score from a fixed logistic model of
 * those features, so the score is calibrated by construction until the injected drift changes the truth.
 *
 * <p>Correlations: a latent spending level drives {@code amount}, {@code avg_amount_30d} and {@code credit_limit};
 * a latent activity level drives both velocity counts; the channel drives card presence, device and distance;
 * cross-border transactions are far from home. The merchant category only affects {@code amount} (and the score),
 * so drifting the category mix leaves every other feature's distribution unchanged. {@code hour_of_day} is the
 * customer's local hour drawn from a daily profile, independent of the simulated clock, so windows at different
 * simulated times share one distribution.
 *
 * <p>All parameters below are invented to look plausible in a demo; none is fitted to real data.
 */
final class FraudSimulator implements ModelSimulator {

    static final String AMOUNT = "amount";
    static final String MERCHANT_CATEGORY = "merchant_category";

    private static final List<String> FEATURES = List.of(AMOUNT, MERCHANT_CATEGORY, FraudCountry.SEGMENT_KEY,
            "hour_of_day", "day_of_week", "channel", "device_type", "is_card_present", "is_international",
            "distance_from_home_km", "card_age_days", "account_age_days", "customer_age", "avg_amount_30d",
            "txn_count_1h", "txn_count_24h", "failed_logins_24h", "ip_risk_score", "email_domain_age_days",
            "credit_limit", "cards_on_account");

    private static final int CENTS = 2;
    private static final int TENTHS = 1;
    private static final int RISK_DECIMALS = 4;
    private static final double MIN_AMOUNT = 0.5;
    // Amount: log-normal around country median x category factor; spending level and noise split the log spread.
    private static final double AMOUNT_SPEND_LOADING = 0.5;
    private static final double AMOUNT_NOISE_SIGMA = 0.7;
    private static final double AVG_AMOUNT_FACTOR = 1.2;
    private static final double AVG_AMOUNT_NOISE_SIGMA = 0.3;
    private static final double CREDIT_LIMIT_MEDIAN = 3000;
    private static final double CREDIT_LIMIT_SPEND_LOADING = 0.6;
    private static final double CREDIT_LIMIT_NOISE_SIGMA = 0.4;
    private static final double CREDIT_LIMIT_STEP = 100;
    // Local hour: a daytime peak plus uniform background.
    private static final double DAYTIME_SHARE = 0.85;
    private static final double DAYTIME_MEAN_HOUR = 14.5;
    private static final double DAYTIME_SD_HOURS = 3.5;
    private static final int HOURS_PER_DAY = 24;
    private static final int NIGHT_END_HOUR = 6;
    private static final double[] DAY_OF_WEEK_WEIGHTS = {0.13, 0.13, 0.13, 0.14, 0.16, 0.17, 0.14};
    private static final double CARD_PRESENT_IN_STORE = 0.97;
    private static final double DISTANCE_IN_STORE_MEDIAN_KM = 6;
    private static final double DISTANCE_REMOTE_MEDIAN_KM = 40;
    private static final double DISTANCE_SIGMA = 1.1;
    private static final double INTERNATIONAL_DISTANCE_FACTOR = 30;
    private static final double CARD_AGE_MEAN_DAYS = 600;
    private static final double EXTRA_ACCOUNT_AGE_MEAN_DAYS = 1100;
    private static final double CUSTOMER_AGE_MEAN = 43;
    private static final double CUSTOMER_AGE_SD = 14;
    private static final double MIN_CUSTOMER_AGE = 18;
    private static final double MAX_CUSTOMER_AGE = 95;
    private static final double ACTIVITY_SIGMA = 0.6;
    private static final double TXN_1H_MEAN = 0.25;
    private static final double TXN_24H_EXTRA_MEAN = 2.5;
    private static final double FAILED_LOGINS_MEAN = 0.08;
    private static final double IP_RISK_LOG_ODDS_MEAN = -2.0;
    private static final double IP_RISK_LOG_ODDS_SD = 1.2;
    private static final double EMAIL_DOMAIN_AGE_MEDIAN_DAYS = 2500;
    private static final double EMAIL_DOMAIN_AGE_SIGMA = 1.1;
    private static final double EXTRA_CARDS_MEAN = 0.5;
    // Fraud log-odds model (the model's score and, before drift, the truth); intercept gives ~4% fraud.
    private static final double INTERCEPT = -4.3;
    private static final double W_AMOUNT_RATIO = 0.45;
    private static final double W_INTERNATIONAL = 0.8;
    private static final double W_ONLINE = 0.5;
    private static final double W_CARD_PRESENT = -0.6;
    private static final double W_TXN_1H = 0.35;
    private static final double W_TXN_24H = 0.06;
    private static final double W_FAILED_LOGINS = 0.7;
    private static final double W_IP_RISK = 2.2;
    private static final double IP_RISK_CENTER = 0.15;
    private static final double W_NIGHT = 0.5;
    private static final double W_CARD_AGE_MONTHS = -0.25;
    private static final double DAYS_PER_MONTH = 30;
    private static final double W_LOG_DISTANCE = 0.15;

    /** Sales channel; decides card presence, device and typical distance. */
    enum Channel { IN_STORE, ONLINE, PHONE }

    private static final Map<Channel, Double> CHANNEL_MIX = Map.of(Channel.IN_STORE, 0.55, Channel.ONLINE, 0.40,
            Channel.PHONE, 0.05);
    private static final Map<String, Double> ONLINE_DEVICES = orderedWeights(
            new String[] {"mobile", "desktop", "tablet"}, new double[] {0.6, 0.3, 0.1});
    private static final Map<String, Double> IN_STORE_DEVICES = orderedWeights(
            new String[] {"pos_terminal", "mobile"}, new double[] {0.9, 0.1});

    private final DriftOptions drift;
    private final WeightedChoice<FraudCountry> countries;
    private final WeightedChoice<MerchantCategory> baselineCategories;
    private final WeightedChoice<MerchantCategory> driftedCategories;
    private final WeightedChoice<Channel> channels;
    private final WeightedChoice<String> onlineDevices;
    private final WeightedChoice<String> inStoreDevices;
    private final WeightedChoice<Integer> daysOfWeek;

    FraudSimulator(DriftOptions drift) {
        this.drift = drift;
        Map<FraudCountry, Double> countryShares = new EnumMap<>(FraudCountry.class);
        for (FraudCountry country : FraudCountry.values()) {
            countryShares.put(country, country.trafficShare());
        }
        this.countries = WeightedChoice.of(countryShares);
        this.baselineCategories = WeightedChoice.of(MerchantCategory.baselineMix());
        this.driftedCategories = WeightedChoice.of(new EnumMap<>(drift.merchantMix()));
        this.channels = WeightedChoice.of(new EnumMap<>(CHANNEL_MIX));
        this.onlineDevices = WeightedChoice.of(ONLINE_DEVICES);
        this.inStoreDevices = WeightedChoice.of(IN_STORE_DEVICES);
        Map<Integer, Double> days = new LinkedHashMap<>();
        for (int day = 0; day < DAY_OF_WEEK_WEIGHTS.length; day++) {
            days.put(day, DAY_OF_WEEK_WEIGHTS[day]);
        }
        this.daysOfWeek = WeightedChoice.of(days);
    }

    @Override
    public DemoModel model() {
        return DemoModel.FRAUD;
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public SimulatedPrediction simulate(RandomGenerator random, boolean driftActive) {
        FraudCountry country = countries.draw(random);
        boolean drifted = driftActive && country == drift.segment();
        MerchantCategory category = (drifted ? driftedCategories : baselineCategories).draw(random);
        double spendLevel = random.nextGaussian();
        double amountFactor = drifted ? drift.amountMultiplier() : 1.0;
        double amount = Math.max(MIN_AMOUNT, RandomDraws.round(amountFactor * country.medianAmount()
                * category.amountFactor() * Math.exp(AMOUNT_SPEND_LOADING * spendLevel
                + AMOUNT_NOISE_SIGMA * random.nextGaussian()), CENTS));
        double avgAmount = RandomDraws.round(AVG_AMOUNT_FACTOR * country.medianAmount()
                * Math.exp(AMOUNT_SPEND_LOADING * spendLevel + AVG_AMOUNT_NOISE_SIGMA * random.nextGaussian()), CENTS);
        double creditLimit = CREDIT_LIMIT_STEP * Math.max(1, Math.round(CREDIT_LIMIT_MEDIAN / CREDIT_LIMIT_STEP
                * Math.exp(CREDIT_LIMIT_SPEND_LOADING * spendLevel + CREDIT_LIMIT_NOISE_SIGMA * random.nextGaussian())));
        int hour = localHour(random);
        int dayOfWeek = daysOfWeek.draw(random);
        Channel channel = channels.draw(random);
        boolean inStore = channel == Channel.IN_STORE;
        String device = inStore ? inStoreDevices.draw(random) : onlineDevices.draw(random);
        boolean cardPresent = inStore && RandomDraws.bernoulli(random, CARD_PRESENT_IN_STORE);
        boolean international = RandomDraws.bernoulli(random, country.internationalRate());
        double distance = RandomDraws.round((international ? INTERNATIONAL_DISTANCE_FACTOR : 1.0)
                * RandomDraws.logNormal(random, inStore ? DISTANCE_IN_STORE_MEDIAN_KM : DISTANCE_REMOTE_MEDIAN_KM,
                DISTANCE_SIGMA), TENTHS);
        long cardAgeDays = Math.round(random.nextExponential() * CARD_AGE_MEAN_DAYS);
        long accountAgeDays = cardAgeDays + Math.round(random.nextExponential() * EXTRA_ACCOUNT_AGE_MEAN_DAYS);
        long customerAge = Math.round(RandomDraws.clamp(CUSTOMER_AGE_MEAN + CUSTOMER_AGE_SD * random.nextGaussian(),
                MIN_CUSTOMER_AGE, MAX_CUSTOMER_AGE));
        double activity = RandomDraws.logNormal(random, 1.0, ACTIVITY_SIGMA);
        int txn1h = RandomDraws.poisson(random, TXN_1H_MEAN * activity);
        int txn24h = txn1h + RandomDraws.poisson(random, TXN_24H_EXTRA_MEAN * activity);
        int failedLogins = RandomDraws.poisson(random, FAILED_LOGINS_MEAN);
        double ipRisk = RandomDraws.round(RandomDraws.logistic(IP_RISK_LOG_ODDS_MEAN
                + IP_RISK_LOG_ODDS_SD * random.nextGaussian()), RISK_DECIMALS);
        long emailDomainAgeDays = Math.round(RandomDraws.logNormal(random, EMAIL_DOMAIN_AGE_MEDIAN_DAYS,
                EMAIL_DOMAIN_AGE_SIGMA));
        int cardsOnAccount = 1 + RandomDraws.poisson(random, EXTRA_CARDS_MEAN);

        Map<String, FeatureValue> features = new LinkedHashMap<>();
        features.put(AMOUNT, new FeatureValue.Num(amount));
        features.put(MERCHANT_CATEGORY, new FeatureValue.Str(category.featureValue()));
        features.put(FraudCountry.SEGMENT_KEY, new FeatureValue.Str(country.name()));
        features.put("hour_of_day", new FeatureValue.Num(hour));
        features.put("day_of_week", new FeatureValue.Num(dayOfWeek));
        features.put("channel", new FeatureValue.Str(channel.name().toLowerCase(java.util.Locale.ROOT)));
        features.put("device_type", new FeatureValue.Str(device));
        features.put("is_card_present", FeatureValue.of(cardPresent));
        features.put("is_international", FeatureValue.of(international));
        features.put("distance_from_home_km", new FeatureValue.Num(distance));
        features.put("card_age_days", new FeatureValue.Num(cardAgeDays));
        features.put("account_age_days", new FeatureValue.Num(accountAgeDays));
        features.put("customer_age", new FeatureValue.Num(customerAge));
        features.put("avg_amount_30d", new FeatureValue.Num(avgAmount));
        features.put("txn_count_1h", new FeatureValue.Num(txn1h));
        features.put("txn_count_24h", new FeatureValue.Num(txn24h));
        features.put("failed_logins_24h", new FeatureValue.Num(failedLogins));
        features.put("ip_risk_score", new FeatureValue.Num(ipRisk));
        features.put("email_domain_age_days", new FeatureValue.Num(emailDomainAgeDays));
        features.put("credit_limit", new FeatureValue.Num(creditLimit));
        features.put("cards_on_account", new FeatureValue.Num(cardsOnAccount));

        double logOdds = INTERCEPT + W_AMOUNT_RATIO * Math.log(amount / avgAmount) + category.fraudLogOdds()
                + (international ? W_INTERNATIONAL : 0) + (channel == Channel.ONLINE ? W_ONLINE : 0)
                + (cardPresent ? W_CARD_PRESENT : 0) + W_TXN_1H * txn1h + W_TXN_24H * txn24h
                + W_FAILED_LOGINS * failedLogins + W_IP_RISK * (ipRisk - IP_RISK_CENTER)
                + (hour < NIGHT_END_HOUR ? W_NIGHT : 0)
                + W_CARD_AGE_MONTHS * Math.log1p(cardAgeDays / DAYS_PER_MONTH) + W_LOG_DISTANCE * Math.log1p(distance);
        double score = RandomDraws.logistic(logOdds);
        double trueLogOdds = logOdds + (drifted ? drift.calibrationLogOddsShift() : 0);
        return new SimulatedPrediction(DemoModel.FRAUD, country.segment(), features, new ModelOutput.BinaryScore(score),
                new GroundTruth.Binary(RandomDraws.logistic(trueLogOdds)), drifted);
    }

    private static int localHour(RandomGenerator random) {
        boolean daytime = RandomDraws.bernoulli(random, DAYTIME_SHARE);
        if (!daytime) {
            return random.nextInt(HOURS_PER_DAY);
        }
        long hour = Math.round(DAYTIME_MEAN_HOUR + DAYTIME_SD_HOURS * random.nextGaussian());
        return Math.floorMod(hour, HOURS_PER_DAY);
    }

    static Map<String, Double> orderedWeights(String[] names, double[] weights) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], weights[i]);
        }
        return map;
    }
}
