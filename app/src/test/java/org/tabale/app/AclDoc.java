package org.tabale.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * The {@code kafka-acls.sh --add} commands of docs/SECURITY-KAFKA.md, read as the tool reads them
 * ({@code --allow-principal}, {@code --operation}, {@code --topic}, {@code --group},
 * {@code --transactional-id}, {@code --cluster}, {@code --resource-pattern-type}), so that a test
 * grants exactly what the page tells operators to grant. An option this reader does not know
 * fails the test rather than being skipped.
 */
final class AclDoc {

    static final Path FILE = (Files.isDirectory(Path.of("docs")) ? Path.of("") : Path.of("..")).resolve("docs/SECURITY-KAFKA.md");

    private AclDoc() {
    }

    /** Every binding the page's commands add. */
    static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        commands().forEach(command -> bindings.addAll(parse(command)));
        if (bindings.isEmpty()) {
            throw new IllegalStateException("no kafka-acls.sh command in " + FILE);
        }
        return List.copyOf(bindings);
    }

    /** The {@code kafka-acls.sh} command lines of the page, continuation lines joined. */
    static List<String> commands() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String text = line.strip();
            if (current == null && text.startsWith("kafka-acls.sh ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                boolean continued = text.endsWith("\\");
                current.append(continued ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!continued) {
                    commands.add(current.toString().strip());
                    current = null;
                }
            }
        }
        return commands;
    }

    private static AclOperation operation(String name) {
        AclOperation operation = SecurityUtils.operation(name);
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new IllegalArgumentException("not a kafka-acls.sh operation: " + name);
        }
        return operation;
    }

    private static List<AclBinding> parse(String command) {
        String[] words = command.split("\\s+");
        List<String> principals = new ArrayList<>();
        List<AclOperation> operations = new ArrayList<>();
        List<ResourcePattern> resources = new ArrayList<>();
        List<String[]> named = new ArrayList<>();
        PatternType patternType = PatternType.LITERAL;
        boolean add = false;
        for (int i = 1; i < words.length; i++) {
            String option = words[i];
            switch (option) {
                case "--bootstrap-server", "--command-config" -> i++;
                case "--add" -> add = true;
                case "--allow-principal" -> principals.add(words[++i]);
                case "--operation" -> operations.add(operation(words[++i]));
                case "--resource-pattern-type" -> patternType = PatternType.fromString(words[++i].toUpperCase(Locale.ROOT));
                case "--topic", "--group", "--transactional-id" -> named.add(new String[] {option, words[++i]});
                case "--cluster" -> resources.add(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL));
                default -> throw new IllegalArgumentException("kafka-acls.sh option not understood here: " + option + " in: " + command);
            }
        }
        for (String[] resource : named) {
            ResourceType type = switch (resource[0]) {
                case "--topic" -> ResourceType.TOPIC;
                case "--group" -> ResourceType.GROUP;
                default -> ResourceType.TRANSACTIONAL_ID;
            };
            resources.add(new ResourcePattern(type, resource[1], patternType));
        }
        if (!add || principals.isEmpty() || operations.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("incomplete kafka-acls.sh --add command: " + command);
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (String principal : principals) {
            for (ResourcePattern resource : resources) {
                for (AclOperation operation : operations) {
                    bindings.add(new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
                }
            }
        }
        return bindings;
    }
}
