package reservecheck.models.alloc_policy;

import java.util.ArrayList;
import java.util.List;

import reservecheck.models.lts.SpecText;
import reservecheck.models.lts.TlaText;

/** The spec's variables as canonical TLA+ text, as TLC prints them: integers, strings, booleans. */
final class AllocPolicyText extends SpecText<AllocPolicyState> {
    /** The spec's VARIABLES, in the spec's order. */
    private static final String[] VARIABLES = {
        "free", "clean", "dirty", "wb", "pc", "lock", "victim", "bandTaken", "illegalOom", "killedReclaimable"
    };

    AllocPolicyText() {
        super("AllocPolicy.tla", VARIABLES);
    }

    @Override
    protected String value(AllocPolicyState s, String name) {
        if ("free".equals(name)) {
            return TlaText.integer(s.free);
        } else if ("clean".equals(name)) {
            return TlaText.integer(s.clean);
        } else if ("dirty".equals(name)) {
            return TlaText.integer(s.dirty);
        } else if ("wb".equals(name)) {
            return TlaText.integer(s.wb);
        } else if ("pc".equals(name)) {
            // a function over 1..2 prints as a sequence in TLC
            List<String> pcs = new ArrayList<String>();
            for (int t = 1; t <= AllocPolicyState.TASKS; t++) {
                pcs.add(TlaText.string(s.pc(t)));
            }
            return TlaText.sequence(pcs);
        } else if ("lock".equals(name)) {
            return TlaText.integer(s.lock);
        } else if ("victim".equals(name)) {
            return TlaText.string(s.victim);
        } else if ("bandTaken".equals(name)) {
            return TlaText.bool(s.bandTaken);
        } else if ("illegalOom".equals(name)) {
            return TlaText.bool(s.illegalOom);
        } else if ("killedReclaimable".equals(name)) {
            return TlaText.bool(s.killedReclaimable);
        }
        return null;
    }
}
