package org.deeprg.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small structural check of generated HTML: balanced elements, unique ids, no link to a missing anchor. */
final class HtmlCheck {
    private HtmlCheck() {
    }

    private static final Set<String> VOID = Set.of("meta", "img", "br", "hr", "link", "input", "col", "area", "base", "wbr", "source");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern ANCHOR = Pattern.compile("href=\"#([^\"]+)\"");

    /** The problems found (empty when the page is well formed). */
    static List<String> problems(String html) {
        String body = html.replaceAll("(?s)<script>.*?</script>", "").replaceAll("(?s)<style>.*?</style>", "");
        List<String> out = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Set<String> ids = new HashSet<>();
        Matcher m = TAG.matcher(body);
        while (m.find()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (m.group(1).isEmpty()) {
                Matcher id = ID.matcher(m.group(3));
                if (id.find() && !ids.add(id.group(1))) {
                    out.add("duplicate id " + id.group(1));
                }
                if (!VOID.contains(name)) {
                    open.push(name);
                }
            } else if (open.isEmpty() || !open.peek().equals(name)) {
                out.add("</" + name + "> closes <" + open.peek() + "> near " + body.substring(Math.max(0, m.start() - 60), m.start()));
                return out;
            } else {
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            out.add("unclosed " + open);
        }
        Matcher a = ANCHOR.matcher(body);
        while (a.find()) {
            if (!ids.contains(a.group(1))) {
                out.add("link to missing #" + a.group(1));
            }
        }
        return out;
    }
}
