package io.recouvra.dashboard;

import java.util.List;

/**
 * A page of the manager dashboard. Each page's controller implements it; the security chain (who may open the page
 * and everything under its path: its CSV exports, its drill-downs), the navigation and the 403 page all read the
 * pages from here, so a new page is one controller, one template and its texts (see docs/dashboard.md).
 */
interface DashboardPage {

    /** Its name in the texts ({@code dashboard.nav.<key>}) and in the navigation's test ids. */
    String key();

    /** Where it is, {@code /dashboard/<something>}; what it serves lies under that path. */
    String path();

    /** Its place in the navigation, smaller first. */
    int position();

    /** The groups that may open it; a page open to collectors shows a collector her own figures only. */
    List<String> openTo();
}
