/**
 * An embedded emulator of VTiger CRM 8.1's webservice ({@code webservice.php}) for tests, demos and
 * benchmarks: {@link org.leadrouter.sandbox.VtigerSandbox} serves it on loopback from a
 * {@link org.leadrouter.sandbox.SandboxFixture}, and {@link org.leadrouter.sandbox.SandboxKnobs}
 * makes it slow or flaky on demand.
 *
 * <p>Behaviour follows VTiger's webservice sources and observations of a real 8.1.0 on PHP 8.2,
 * quirks included: VTQL allows no parentheses, needs its semicolon and caps results to 100 rows;
 * its values are pasted into SQL, so AND binds tighter than OR and bad literals or unknown ORDER BY
 * columns end as INTERNAL_SERVER_ERROR; comparisons are case- and accent-insensitive like MySQL's
 * utf8_general_ci; converted leads and inactive users are invisible to queries; an admin's create
 * does not check the owner, cuts values to the column length and stores emoji as {@code ????};
 * owners are typed on the way out (group first, then user), and a record whose owner is neither
 * is stored but cannot be read back (INVALID_ID_ATTRIBUTE "Invalid owner of the record");
 * {@code SELECT *} on Users leaks access keys; sync and logout die with HTTP 500.
 */
package org.leadrouter.sandbox;
