package reservecheck.models.lts;

import java.util.List;

/**
 * A liveness property "for every t in tasks(): p(t, s) ~> q(t, s)", e.g. AllocReturns:
 * InAlloc(t) ~> ~InAlloc(t).  It fails iff a fair behaviour reaches a state where p(t) holds
 * and from then on q(t) never holds.
 */
public interface LeadsTo<S> {
    List<String> tasks();

    boolean p(String task, S s);

    boolean q(String task, S s);
}
