using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Prescriptions.Functions.OpenApi;

/// <summary>
/// Renders the OpenAPI document as one self-contained, accessible HTML page: operations grouped by tag, with
/// parameters, bodies, responses and links to the schemas. It is rendered on the server, with no scripts and
/// no external assets, because hospital networks often block CDNs.
/// </summary>
public static partial class ApiDocsPage
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    // Rendered once: the document is fixed for the life of the app.
    private static readonly Lazy<string> Rendered = new(() => Render(OpenApiDocument.Current.Root));

    public static string Current => Rendered.Value;

    public static string Render(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var info = document["info"]?.AsObject();
        var title = Text(info?["title"]) ?? "API";
        var operations = Operations(document["paths"]?.AsObject()).ToList();
        var webhooks = Operations(document["webhooks"]?.AsObject()).ToList();
        var schemas = document["components"]?["schemas"]?.AsObject();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" reference</title>\n<style>").Append(Stylesheet).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#content\">Skip to content</a>\n");
        AppendNavigation(html, document, operations, webhooks, schemas);
        html.Append("<main id=\"content\">\n<h1>").Append(Encode(title)).Append(" <small>").Append(Encode(Text(info?["version"]) ?? string.Empty)).Append("</small></h1>\n")
            .Append("<p>OpenAPI ").Append(Encode(Text(document["openapi"]) ?? "3")).Append(" &middot; <a href=\"openapi.json\">openapi.json</a></p>\n")
            .Append(Markdown(Text(info?["description"])));
        foreach (var (tag, description) in Tags(document, operations.Concat(webhooks)))
        {
            html.Append("<section aria-labelledby=\"tag-").Append(Id(tag)).Append("\">\n<h2 id=\"tag-").Append(Id(tag)).Append("\">").Append(Encode(tag)).Append("</h2>\n")
                .Append(Markdown(description));
            foreach (var operation in operations.Concat(webhooks).Where(o => o.Tag == tag))
            {
                AppendOperation(html, document, operation);
            }

            html.Append("</section>\n");
        }

        if (schemas is not null)
        {
            html.Append("<section aria-labelledby=\"schemas\">\n<h2 id=\"schemas\">Schemas</h2>\n");
            foreach (var (name, schema) in schemas)
            {
                AppendSchema(html, name, schema?.AsObject());
            }

            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private sealed record Operation(string Method, string Path, string Tag, JsonObject Body, bool IsWebhook)
    {
        public string Anchor => "op-" + Id(Text(Body["operationId"]) ?? $"{Method}-{Path}");
    }

    private static IEnumerable<Operation> Operations(JsonObject? paths)
    {
        foreach (var (path, item) in paths ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    var tag = Text(operation["tags"]?.AsArray().FirstOrDefault()) ?? "Other";
                    yield return new Operation(method, path, tag, operation, !path.StartsWith('/'));
                }
            }
        }
    }

    /// <summary>The document's tags in its order, then any tag only an operation names.</summary>
    private static IEnumerable<(string Name, string? Description)> Tags(JsonObject document, IEnumerable<Operation> operations)
    {
        var declared = (document["tags"]?.AsArray() ?? []).Select(t => (Name: Text(t?["name"]) ?? "Other", Description: Text(t?["description"]))).ToList();
        var used = operations.Select(o => o.Tag).Distinct(StringComparer.Ordinal).ToList();
        return declared.Where(t => used.Contains(t.Name)).Concat(used.Where(u => declared.All(t => t.Name != u)).Select(u => (u, (string?)null)));
    }

    private static void AppendNavigation(StringBuilder html, JsonObject document, List<Operation> operations, List<Operation> webhooks, JsonObject? schemas)
    {
        html.Append("<nav aria-label=\"Operations\">\n<h2>Contents</h2>\n<ul>\n");
        foreach (var (tag, _) in Tags(document, operations.Concat(webhooks)))
        {
            html.Append("<li><a href=\"#tag-").Append(Id(tag)).Append("\">").Append(Encode(tag)).Append("</a>\n<ul>\n");
            foreach (var operation in operations.Concat(webhooks).Where(o => o.Tag == tag))
            {
                html.Append("<li><a href=\"#").Append(operation.Anchor).Append("\"><span class=\"method ").Append(operation.Method).Append("\">")
                    .Append(operation.IsWebhook ? "EVENT" : operation.Method.ToUpperInvariant()).Append("</span> ").Append(Encode(operation.Path)).Append("</a></li>\n");
            }

            html.Append("</ul></li>\n");
        }

        if (schemas is not null)
        {
            html.Append("<li><a href=\"#schemas\">Schemas</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n");
    }

    private static void AppendOperation(StringBuilder html, JsonObject document, Operation operation)
    {
        var body = operation.Body;
        var operationId = Text(body["operationId"]);
        html.Append("<article class=\"operation\" id=\"").Append(operation.Anchor).Append("\" aria-labelledby=\"").Append(operation.Anchor).Append("-title\">\n")
            .Append("<h3 id=\"").Append(operation.Anchor).Append("-title\"><span class=\"method ").Append(operation.Method).Append("\">")
            .Append(operation.IsWebhook ? "EVENT" : operation.Method.ToUpperInvariant()).Append("</span> <code>").Append(Encode(operation.Path)).Append("</code></h3>\n")
            .Append("<p class=\"summary\">").Append(Encode(Text(body["summary"]) ?? string.Empty));
        if (operationId is not null)
        {
            html.Append(" <span class=\"meta\">operationId <code>").Append(Encode(operationId)).Append("</code></span>");
        }

        html.Append("</p>\n<p class=\"access\">").Append(Access(document, body, operation.IsWebhook)).Append("</p>\n")
            .Append(Markdown(Text(body["description"])));

        var parameters = (body["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p)).OfType<JsonObject>().ToList();
        if (parameters.Count > 0)
        {
            html.Append("<table>\n<caption>Parameters</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">In</th><th scope=\"col\">Type</th><th scope=\"col\">Required</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
            foreach (var parameter in parameters)
            {
                html.Append("<tr><td><code>").Append(Encode(Text(parameter["name"]) ?? string.Empty)).Append("</code></td><td>").Append(Encode(Text(parameter["in"]) ?? string.Empty))
                    .Append("</td><td>").Append(Type(parameter["schema"])).Append("</td><td>").Append(parameter["required"]?.GetValue<bool>() == true ? "yes" : "no")
                    .Append("</td><td>").Append(Inline(Text(parameter["description"]))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (Resolve(document, body["requestBody"]) is JsonObject requestBody)
        {
            html.Append("<h4>Request body").Append(requestBody["required"]?.GetValue<bool>() == true ? string.Empty : " (optional)").Append("</h4>\n")
                .Append(Markdown(Text(requestBody["description"]))).Append("<ul>\n");
            foreach (var (mediaType, content) in requestBody["content"]?.AsObject() ?? [])
            {
                html.Append("<li><code>").Append(Encode(mediaType)).Append("</code>: ").Append(Type(content?["schema"])).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<table>\n<caption>Responses</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Description</th><th scope=\"col\">Body</th><th scope=\"col\">Headers</th></tr></thead>\n<tbody>\n");
        foreach (var (status, reference) in body["responses"]?.AsObject() ?? [])
        {
            var response = Resolve(document, reference)?.AsObject();
            var content = string.Join("<br>", (response?["content"]?.AsObject() ?? []).Select(c => $"<code>{Encode(c.Key)}</code> {Type(c.Value?["schema"])}"));
            var headers = string.Join(", ", (response?["headers"]?.AsObject() ?? []).Select(h => $"<code>{Encode(h.Key)}</code>"));
            html.Append("<tr><td>").Append(Encode(status)).Append("</td><td>").Append(Inline(Text(response?["description"]))).Append("</td><td>")
                .Append(content).Append("</td><td>").Append(headers).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</article>\n");
    }

    /// <summary>Who may call: anonymous, or a bearer token with one of the roles the operation's security requirement lists.</summary>
    private static string Access(JsonObject document, JsonObject operation, bool isWebhook)
    {
        if (isWebhook)
        {
            return "Sent by the API to the partner's endpoint, signed (Standard Webhooks).";
        }

        var requirements = (operation["security"] ?? document["security"])?.AsArray() ?? [];
        if (requirements.Count == 0)
        {
            return "<strong>Anonymous</strong>: no token needed.";
        }

        var alternatives = requirements.OfType<JsonObject>().SelectMany(r => r).Select(scheme =>
        {
            var roles = (scheme.Value?.AsArray() ?? []).Select(Text).OfType<string>().ToList();
            return $"<code>{Encode(scheme.Key)}</code>" + (roles.Count == 0 ? string.Empty : " with a role of: " + string.Join(", ", roles.Select(r => $"<code>{Encode(r)}</code>")));
        });
        return "<strong>Needs</strong> " + string.Join(" or ", alternatives) + ".";
    }

    private static void AppendSchema(StringBuilder html, string name, JsonObject? schema)
    {
        html.Append("<article class=\"schema\" id=\"schema-").Append(Id(name)).Append("\" aria-labelledby=\"schema-").Append(Id(name)).Append("-title\">\n<h3 id=\"schema-")
            .Append(Id(name)).Append("-title\">").Append(Encode(name)).Append("</h3>\n").Append(Markdown(Text(schema?["description"])));
        if (schema?["enum"] is JsonArray values)
        {
            html.Append("<p>One of: ").Append(string.Join(", ", values.Select(v => $"<code>{Encode(Text(v) ?? "null")}</code>"))).Append("</p>\n");
        }

        if (schema?["properties"] is JsonObject properties)
        {
            var required = (schema["required"]?.AsArray() ?? []).Select(Text).ToHashSet(StringComparer.Ordinal);
            html.Append("<table>\n<caption>Properties of ").Append(Encode(name)).Append("</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Required</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
            foreach (var (property, definition) in properties)
            {
                html.Append("<tr><td><code>").Append(Encode(property)).Append("</code></td><td>").Append(Type(definition)).Append("</td><td>")
                    .Append(required.Contains(property) ? "yes" : "no").Append("</td><td>").Append(Inline(Text(definition?["description"]))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (schema["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>())
            {
                html.Append("<p>Other properties are refused (400).</p>\n");
            }
        }

        html.Append("</article>\n");
    }

    /// <summary>A schema in a few words: a link for a reference, the item type of an array, the format and bounds of a value.</summary>
    private static string Type(JsonNode? schema)
    {
        if (schema is not JsonObject node)
        {
            return string.Empty;
        }

        if (Text(node["$ref"]) is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return $"<a href=\"#schema-{Id(name)}\">{Encode(name)}</a>";
        }

        if (node["const"] is { } constant)
        {
            return $"<code>{Encode(constant.ToJsonString())}</code>";
        }

        if (node["enum"] is JsonArray values)
        {
            return "one of " + string.Join(", ", values.Select(v => $"<code>{Encode(Text(v) ?? "null")}</code>"));
        }

        var type = node["type"] switch
        {
            JsonArray types => string.Join(" or ", types.Select(Text)),
            { } single => Text(single) ?? "any",
            _ => "any",
        };
        if (type == "array")
        {
            return "array of " + Type(node["items"]);
        }

        if (type == "object" && node["additionalProperties"] is JsonObject map)
        {
            return "map of " + Type(map);
        }

        var details = new List<string>();
        if (Text(node["format"]) is { } format)
        {
            details.Add(Encode(format));
        }

        if (node["minimum"] is { } minimum || node["maximum"] is not null)
        {
            details.Add($"{Encode(node["minimum"]?.ToJsonString() ?? "…")}-{Encode(node["maximum"]?.ToJsonString() ?? "…")}");
        }

        if (node["maxLength"] is { } maxLength)
        {
            details.Add($"at most {Encode(maxLength.ToJsonString())} characters");
        }

        if (node["default"] is { } fallback)
        {
            details.Add($"default {Encode(fallback.ToJsonString())}");
        }

        return Encode(type) + (details.Count == 0 ? string.Empty : $" <span class=\"meta\">({string.Join(", ", details)})</span>");
    }

    /// <summary>Follows a local <c>$ref</c> (such as <c>#/components/parameters/PageSize</c>); other nodes are returned as they are.</summary>
    private static JsonNode? Resolve(JsonObject document, JsonNode? node)
    {
        if (node is JsonObject item && Text(item["$ref"]) is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? target = document;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            return target;
        }

        return node;
    }

    /// <summary>The document's small Markdown subset: paragraphs, <c>**bold**</c> and <c>`code`</c>.</summary>
    private static string Markdown(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : string.Concat(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{Inline(p)}</p>\n"));

    private static string Inline(string? text)
    {
        var encoded = Encode(text ?? string.Empty);
        encoded = CodeSpan().Replace(encoded, "<code>$1</code>");
        return BoldSpan().Replace(encoded, "<strong>$1</strong>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An id attribute: letters, digits and hyphens only.</summary>
    private static string Id(string text) => NotIdCharacter().Replace(text, "-");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex BoldSpan();

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex NotIdCharacter();

    private const string Stylesheet = """
        :root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --code: #f3f4f6; --link: #0550ae; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --code: #161b22; --link: #79c0ff; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); display: grid; grid-template-columns: minmax(14rem, 20rem) 1fr; }
        nav { position: sticky; top: 0; height: 100vh; overflow-y: auto; padding: 1rem; border-right: 1px solid var(--line); font-size: 0.875rem; }
        nav ul { list-style: none; padding-left: 0.75rem; margin: 0.25rem 0; }
        main { padding: 1rem 2rem 4rem; max-width: 72rem; min-width: 0; }
        a { color: var(--link); }
        a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
        .skip { position: absolute; left: -100vw; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; z-index: 1; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em; background: var(--code); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
        h1 small, .meta { color: var(--muted); font-weight: normal; font-size: 0.875rem; }
        .operation, .schema { border-top: 1px solid var(--line); padding-top: 0.5rem; margin-top: 1.5rem; }
        .method { display: inline-block; min-width: 3.5rem; text-align: center; font-weight: 700; font-size: 0.75rem; padding: 0.1rem 0.3rem; border-radius: 4px; color: #fff; background: #57606a; }
        .method.get { background: #0a6640; } .method.post { background: #0550ae; } .method.put { background: #8a4600; } .method.delete { background: #a40e26; }
        table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.875rem; }
        caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
        th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        @media (max-width: 50rem) { body { display: block; } nav { position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--line); } }
        """;
}
