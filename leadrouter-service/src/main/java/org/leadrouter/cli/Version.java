package org.leadrouter.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"leadrouter " + (v == null ? "(development build)" : v)};
    }
}
