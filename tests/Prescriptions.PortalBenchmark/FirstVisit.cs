using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace Prescriptions.PortalBenchmark;

/// <summary>
/// The portal's files a browser fetched on a first visit, each counted at its brotli size (the .br the publish wrote,
/// which Static Web Apps serves compressed likewise); the local host itself serves them uncompressed on loopback.
/// API calls and the local host's generated settings are not the portal's download and are listed apart.
/// </summary>
internal sealed class FirstVisit
{
    private readonly ConcurrentDictionary<string, byte> paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> others = new(StringComparer.Ordinal);

    public static FirstVisit Record(IPage page, Uri baseAddress)
    {
        var visit = new FirstVisit();
        page.RequestFinished += (_, request) =>
        {
            var url = new Uri(request.Url);
            var sameOrigin = url.GetLeftPart(UriPartial.Authority) == baseAddress.GetLeftPart(UriPartial.Authority);
            var path = Uri.UnescapeDataString(url.AbsolutePath);
            if (sameOrigin && request.ResourceType != "fetch" || sameOrigin && path.StartsWith("/_", StringComparison.Ordinal))
            {
                visit.paths.TryAdd(path, 0);
            }
            else
            {
                visit.others.TryAdd($"{request.Method} {url.PathAndQuery}", 0);
            }
        };
        return visit;
    }

    public void Print(string portalRoot)
    {
        var files = paths.Keys
            .Select(path => (Path: path, File: Path.Combine(portalRoot, path == "/" ? "index.html" : path.TrimStart('/'))))
            .Where(file => File.Exists(file.File))
            .Select(file => (file.Path, Raw: new FileInfo(file.File).Length, Brotli: File.Exists(file.File + ".br") ? new FileInfo(file.File + ".br").Length : new FileInfo(file.File).Length))
            .OrderByDescending(file => file.Brotli)
            .ToList();
        var brotli = files.Sum(file => file.Brotli);
        var raw = files.Sum(file => file.Raw);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First visit: {files.Count} portal files, {brotli:N0} bytes brotli ({brotli / 1048576.0:F2} MiB, {brotli / 1e6:F2} MB); {raw / 1048576.0:F2} MiB uncompressed"));
        foreach (var file in files.Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Brotli,10:N0}  {file.Path}"));
        }

        Console.WriteLine($"  ... and {Math.Max(0, files.Count - 8)} more");
        Console.WriteLine($"Not counted (API calls, generated settings): {string.Join(", ", others.Keys.Concat(paths.Keys.Where(path => files.All(file => file.Path != path))).Order())}");
    }
}
