package reservecheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reservecheck.catalog.Catalog;
import reservecheck.catalog.Variant;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code reservecheck list}: the catalog's variants. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the catalog's variants with their expected TLC verdicts.")
final class ListCommand implements Callable<Integer> {

    private static final int PROVENANCE_WIDTH = 60;

    @ParentCommand
    Main main;

    @Option(names = "--protocol", paramLabel = "P", description = "only this protocol")
    String protocol;

    @Override
    public Integer call() {
        CliContext ctx = main.context;
        Catalog catalog = Commands.loadCatalog(ctx.root());
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
}
