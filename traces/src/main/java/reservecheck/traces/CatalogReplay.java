package reservecheck.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reservecheck.catalog.BadParameterException;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * Replays a trace on the model of the catalog variant it names, not on a model built from
 * whatever its {@code #meta} says: the parameters come from the catalog (the entry, then the
 * bounds its expectation sets for the trace's checker, then the overrides the trace records),
 * so a trace relabelled to another variant or protocol, or with edited parameters, is judged
 * against the variant it claims and does not "reproduce" there.
 *
 * <p>Outcomes: the variant is unknown; the trace does not fit the variant's model (its first
 * state is not an initial state, a step is not a step of the model, its variables or protocol
 * differ, or its recorded parameters are not the variant's); it fits and its violation
 * reproduces; it fits and does not.
 */
public final class CatalogReplay {

    /** What became of a trace. */
    public enum Status { REPRODUCED, NOT_REPRODUCED, DOES_NOT_FIT, UNKNOWN_VARIANT }

    /**
     * @param status  what became of it
     * @param message one line
     * @param variant the variant it was judged against, with the trace's overrides; null when unknown
     */
    public record Outcome(Status status, String message, Variant variant) {
    }

    /** Parameter differences named in the one line before "N more". */
    private static final int SHOWN = 3;

    private CatalogReplay() {
    }

    /** Judges the trace against the variant its {@code #meta.variant} names. */
    public static Outcome replay(ItfTrace trace, Catalog catalog) {
        String name = TraceMeta.string(trace, TraceMeta.VARIANT);
        Optional<Variant> found = name == null ? Optional.empty() : catalog.variant(name);
        if (found.isEmpty()) {
            return new Outcome(Status.UNKNOWN_VARIANT, "the trace is of variant " + name
                    + ", which the catalog does not have", null);
        }
        Variant v = found.get();
        String protocol = TraceMeta.string(trace, TraceMeta.PROTOCOL);
        if (!v.protocol().equals(protocol)) {
            return misfit(v, "the trace says protocol " + protocol + ", but " + v.name() + " is of " + v.protocol());
        }
        String checker = TraceMeta.string(trace, TraceMeta.CHECKER);
        try {
            // the checker's own bounds first (JPF's smaller ones), then what the run overrode, as check applies them
            v = (checker == null ? v : v.forChecker(checker)).withOverrides(TraceMeta.overrides(trace));
        } catch (BadParameterException e) {
            return misfit(v, "#meta.overrides: " + e.getMessage());
        }
        Model<?> model;
        try {
            model = Models.create(v.protocol(), Map.copyOf(v.parameters()));
        } catch (IllegalArgumentException e) {
            return misfit(v, "no model at its parameters: " + e.getMessage());
        }
        String differ = differences(TraceMeta.parameters(trace), v.parameters());
        TraceReplay.Result r = TraceReplay.replay(trace, model);
        if (!r.fits()) {
            return misfit(v, r.reason() + (differ == null ? "" : " (the trace's parameters are not the variant's: "
                    + differ + ")"));
        }
        if (differ != null) {
            return misfit(v, "its steps are the model's, but its parameters are not the variant's: " + differ);
        }
        return new Outcome(r.reproduced() ? Status.REPRODUCED : Status.NOT_REPRODUCED, r.message(), v);
    }

    private static Outcome misfit(Variant v, String why) {
        return new Outcome(Status.DOES_NOT_FIT, "does not fit " + v.name() + " (" + v.protocol() + ")"
                + (v.isOverridden() ? " with " + v.overrides() : "") + ": " + why, v);
    }

    /** The parameters where the trace's record and the variant disagree, as {@code name=trace (variant: value)}; null if none. */
    private static String differences(Map<String, Object> recorded, Map<String, Object> variant) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : variant.entrySet()) {
            if (!Objects.equals(recorded.get(e.getKey()), e.getValue())) {
                out.add(e.getKey() + "=" + recorded.get(e.getKey()) + " (variant: " + e.getValue() + ")");
            }
        }
        for (String k : recorded.keySet()) {
            if (!variant.containsKey(k)) {
                out.add(k + "=" + recorded.get(k) + " (not a parameter of the variant)");
            }
        }
        if (out.size() > SHOWN) {
            // one line stays readable: a relabelled trace may differ in every parameter
            int more = out.size() - SHOWN;
            out = new ArrayList<>(out.subList(0, SHOWN));
            out.add(more + " more");
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }
}
