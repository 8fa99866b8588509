package reservecheck.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Checks;
import reservecheck.catalog.Kind;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.Variant;
import reservecheck.explorer.ExplorerOptions;
import reservecheck.explorer.Knockout;
import reservecheck.models.Models;
import reservecheck.models.lts.Model;

/**
 * {@code reservecheck knockout}: each design checked again with one of its actions removed, by
 * the explorer on its reference model.  Some property must fail without every action the design
 * takes (a deadlock, an invariant or a liveness property), or the catalog lists the action under
 * {@code redundant} with the reason; otherwise the design's pass did not depend on the action
 * (nothing but conformance or a state count would notice it gone), and the command fails.  A
 * redundant action whose knock-out is caught fails too: its reason is no longer true.
 */
@Command(name = "knockout", mixinStandardHelpOptions = true,
        description = "Checks each design with one action removed at a time: some property must fail.")
final class KnockoutCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--protocol", paramLabel = "P", description = "only this protocol's designs")
    String protocol;

    @Option(names = "--variant", paramLabel = "V", description = "only these designs (repeatable)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600",
            description = "seconds for each knock-out's search (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Path root = ctx.root();
        Catalog catalog = Commands.loadCatalog(root);
        Commands.checkTimeout(timeoutSeconds);
        if (protocol != null && catalog.protocol(protocol).isEmpty()) {
            throw new CliException(ExitCodes.UNKNOWN_NAME, "unknown protocol " + protocol + " (see 'reservecheck list')");
        }
        List<Variant> designs = new ArrayList<>();
        for (String name : variants) {
            Variant v = catalog.variant(name).orElseThrow(() -> new CliException(ExitCodes.UNKNOWN_NAME,
                    "unknown variant " + name + " (see 'reservecheck list')"));
            if (v.kind() != Kind.DESIGN) {
                throw new CliException(ExitCodes.UNKNOWN_NAME, name + " is a bug entry: knock-outs are for designs");
            }
            designs.add(v);
        }
        if (variants.isEmpty()) {
            for (Variant v : catalog.variants()) {
                if (v.kind() == Kind.DESIGN && (protocol == null || v.protocol().equals(protocol))
                        && Models.protocols().contains(v.protocol())) {
                    designs.add(v);
                }
            }
        }
        TextTable table = new TextTable("protocol", "variant", "action removed", "verdict without it", "caught",
                "distinct states", "seconds");
        int unseen = 0;
        int stale = 0;
        int inconclusive = 0;
        int rows = 0;
        List<String> reasons = new ArrayList<>();
        for (Variant v : designs) {
            Protocol p = catalog.protocolOf(v);
            ExplorerOptions options = options(v.checks());
            List<String> actions = p.requiredActions(v).stream().filter(a -> !v.redundant().containsKey(a)).toList();
            for (Knockout.Row r : Knockout.run(model(v), options, actions)) {
                rows++;
                String caught = r.caught() ? "yes" : r.result().isInconclusive() ? "?" : "NO";
                unseen += r.caught() || r.result().isInconclusive() ? 0 : 1;
                inconclusive += r.result().isInconclusive() ? 1 : 0;
                table.add(row(v, r, caught));
            }
            for (Knockout.Row r : Knockout.run(model(v), options, List.copyOf(v.redundant().keySet()))) {
                rows++;
                boolean ok = r.result().isOk();
                stale += ok || r.result().isInconclusive() ? 0 : 1;
                inconclusive += r.result().isInconclusive() ? 1 : 0;
                table.add(row(v, r, ok ? "redundant*" : "NO: listed redundant, but caught"));
                reasons.add("* " + v.name() + " " + r.action() + ": " + v.redundant().get(r.action()));
            }
        }
        ctx.out().print(table);
        reasons.forEach(ctx.out()::println);
        ctx.out().println(designs.size() + " designs, " + rows + " knock-outs: " + unseen + " not caught, "
                + stale + " listed redundant but caught, " + inconclusive + " inconclusive");
        if (unseen + stale > 0) {
            return ExitCodes.MISMATCH;
        }
        return inconclusive > 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    private ExplorerOptions options(Checks c) {
        return ExplorerOptions.defaults().withInvariants(c.invariants()).withProperties(c.properties())
                .withDeadlock(c.deadlock()).withSymmetry(c.useSymmetry() && c.properties().isEmpty())
                .withTimeLimit(Duration.ofSeconds(timeoutSeconds));
    }

    @SuppressWarnings("unchecked")
    private static Model<Object> model(Variant v) {
        return (Model<Object>) Models.create(v.protocol(), Map.copyOf(v.parameters()));
    }

    private static String[] row(Variant v, Knockout.Row r, String caught) {
        return new String[] {v.protocol(), v.name(), r.action(), r.result().verdict(), caught,
                String.valueOf(r.result().distinctStates()), String.format(Locale.ROOT, "%.1f", r.result().seconds())};
    }
}
