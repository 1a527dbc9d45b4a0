package io.github.cortexj.examples.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Makes the quickstart's product reviews: the same reviews on every run (a fixed seed). */
final class ReviewGenerator {

  private static final List<String> PRODUCTS =
      List.of("kettle", "headphones", "backpack", "desk-lamp", "running-shoes", "coffee-grinder");
  private static final List<String> OPENINGS =
      List.of("I love this", "Great value", "Terrible purchase", "It works", "Disappointed with this",
          "Excellent build", "Cheap and flimsy", "Pretty good", "Awful experience with this", "Nice");
  private static final List<String> DETAILS =
      List.of("arrived fast", "arrived late", "feels sturdy", "broke after a week", "is comfortable",
          "is noisy", "does the job", "looks nice", "was returned", "is perfect for me");
  private static final List<String> ENDINGS =
      List.of("would recommend.", "happy overall.", "useless.", "okay I guess.", "bad support.", "five stars.");

  private ReviewGenerator() {}

  static List<Map<String, Object>> reviews(int count) {
    SplittableRandom random = new SplittableRandom(20210601);
    List<Map<String, Object>> reviews = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
      String text =
          OPENINGS.get(random.nextInt(OPENINGS.size())) + " " + product + ", it "
              + DETAILS.get(random.nextInt(DETAILS.size())) + ", "
              + ENDINGS.get(random.nextInt(ENDINGS.size()));
      reviews.add(Map.of("id", i, "product", product, "text", text));
    }
    return reviews;
  }
}
