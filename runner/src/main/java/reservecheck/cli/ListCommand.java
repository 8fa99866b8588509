package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.ParameterDecl;
import reservecheck.catalog.Protocol;
import reservecheck.catalog.Variant;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code reservecheck list}: the catalog's variants. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the catalog's variants with their expected TLC verdicts, or with --parameters every"
                + " parameter with its type, range, default and doc.")
final class ListCommand implements Callable<Integer> {

    private static final int PROVENANCE_WIDTH = 60;

    @ParentCommand
    Main main;

    @Option(names = "--protocol", paramLabel = "P", description = "only this protocol")
    String protocol;

    @Option(names = "--parameters",
            description = "every parameter (check --set NAME=VALUE) with its type, range, default and doc")
    boolean parameters;

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Catalog catalog = Commands.loadCatalog(ctx.root());
        if (parameters) {
            return listParameters(ctx, catalog);
        }
        List<Variant> variants = protocol == null ? catalog.variants()
                : Commands.protocol(catalog, protocol).variants();
        TextTable t = new TextTable("protocol", "variant", "kind", "expected tlc", "provenance");
        for (Variant v : variants) {
            t.add(v.protocol(), v.name(), v.kind().label(), v.expectedVerdict("tlc").orElse("-"),
                    TextTable.shorten(v.provenance(), PROVENANCE_WIDTH));
        }
        ctx.out().print(t);
        ctx.out().println(variants.size() + " variants");
        return ExitCodes.OK;
    }

    /** The catalog's parameter declarations, the one place they are written, as a table per protocol. */
    private int listParameters(CliContext ctx, Catalog catalog) {
        List<Protocol> protocols = protocol == null ? catalog.protocols() : List.of(Commands.protocol(catalog, protocol));
        TextTable t = new TextTable("protocol", "parameter", "type", "range", "default", "affects", "doc");
        int n = 0;
        for (Protocol p : protocols) {
            for (ParameterDecl d : p.parameters().values()) {
                t.add(p.name(), d.name(), d.type().label(), d.range(), String.valueOf(p.defaults().get(d.name())),
                        d.affects().isEmpty() ? "-" : String.join(", ", d.affects()), d.doc() == null ? "" : d.doc());
                n++;
            }
        }
        ctx.out().print(t);
        ctx.out().println(n + " parameters (set one with check --set NAME=VALUE; a variant's own values: "
                + "catalog/<protocol>.yaml)");
        return ExitCodes.OK;
    }
}
