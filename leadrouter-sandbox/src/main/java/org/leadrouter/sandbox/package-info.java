/**
 * An embedded emulator of VTiger CRM 8.1's webservice ({@code webservice.php}) for tests, demos and
 * benchmarks: {@link org.leadrouter.sandbox.VtigerSandbox} serves it on loopback from a
 * {@link org.leadrouter.sandbox.SandboxFixture}; through {@link org.leadrouter.sandbox.SandboxFaults}
 * a test makes it slow or flaky on demand (the knobs themselves live in the tests' code).
 *
 * <p>Behaviour follows VTiger's webservice sources and observations of a real 8.1.0 on PHP 8.2,
 * quirks included: an unknown user is refused at getchallenge; sessions live until removed and each
 * serves one request at a time (PHP's session lock); VTQL allows no parentheses, needs its semicolon
 * and caps results to 100 rows; its values are pasted into SQL, so AND binds tighter than OR and bad
 * literals end as INTERNAL_SERVER_ERROR, while an id without type prefix, LIMIT -1 or an unknown
 * ORDER BY column give no rows; dates compare as dates; comparisons are case- and accent-insensitive
 * like MySQL's utf8_general_ci; converted leads and inactive users are invisible to queries, Users to
 * non-admins; an admin's create does not check the owner, cuts values to the column length, stores
 * emoji as {@code ????} and answers the whole record; {@code SELECT *} on Users leaks access keys;
 * sync and logout die with HTTP 500.
 */
package org.leadrouter.sandbox;
