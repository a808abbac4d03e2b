package com.omnicanal.campaign.enrollment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A run of events split so that each round holds at most one per customer, in their order (handled round by round). */
final class Rounds {

    private Rounds() {
    }

    static <T> List<List<T>> of(List<T> events, Function<T, String> customer) {
        List<List<T>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (T event : events) {
            int round = seen.merge(customer.apply(event), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(event);
        }
        return rounds;
    }
}
