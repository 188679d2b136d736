using System.Diagnostics;
using Sevenspot.Checks.Output;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Opens the HTML page in headless Chromium (Debian's chromium, or $SEVENSPOT_CHROMIUM) with the
/// network cut off, takes a screenshot, and checks that the lock-order graph was drawn: its
/// cycle is red. Skipped, with the reason, when no Chromium is installed. With
/// $SEVENSPOT_SCREENSHOTS set, the screenshot is kept in that folder.
/// </summary>
public sealed class HtmlRenderingTests
{
    private static readonly string? s_chromium = FindChromium();

    [ChromiumFact]
    public void TheLockOrderGraphRendersWithItsCycleInRed()
    {
        string folder = Directory.CreateTempSubdirectory("sevenspot-html-").FullName;
        try
        {
            var report = OutputFixture.Create();
            var (red, nonWhite) = Render(folder, "with-graph", report, keep: true);
            var withoutGraph = new CheckReport(report.Checks, report.Findings, report.Skipped, report.Files, report.Functions);
            var (redWithout, _) = Render(folder, "without-graph", withoutGraph, keep: false);

            // The cycle's edges and classes are drawn in #d1242f; the rest of the page has little of that red.
            Assert.True(nonWhite > 20_000, $"the page looks blank ({nonWhite} non-white pixels)");
            Assert.True(red - redWithout > 500, $"the cycle was not drawn in red ({red} red pixels with the graph, {redWithout} without)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Red, int NonWhite) Render(string folder, string name, CheckReport report, bool keep)
    {
        string page = Path.Combine(folder, name + ".html");
        string shot = Path.Combine(folder, name + ".png");
        File.WriteAllText(page, HtmlWriter.Write(report, new ToolInfo("sevenspot", "0.0.0-test")));
        Screenshot(page, shot, width: 1200, height: 1600);
        if (keep)
        {
            Keep(shot);
        }

        var image = PngImage.Read(File.ReadAllBytes(shot));
        int red = 0, nonWhite = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (r > 180 && g < 90 && b < 100)
                {
                    red++;
                }

                if (r < 240 || g < 240 || b < 240)
                {
                    nonWhite++;
                }
            }
        }

        return (red, nonWhite);
    }

    private static void Screenshot(string page, string output, int width, int height)
    {
        var start = new ProcessStartInfo(s_chromium!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", $"--window-size={width},{height}",
            $"--screenshot={output}", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish the screenshot in 90 s");
        }

        Assert.True(File.Exists(output), $"chromium wrote no screenshot: {stderr.Result}");
    }

    private static void Keep(string screenshot)
    {
        string? folder = Environment.GetEnvironmentVariable("SEVENSPOT_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.Copy(screenshot, Path.Combine(folder, "check-report.png"), overwrite: true);
        }
    }

    private static string? FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("SEVENSPOT_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A fact that is skipped, with the reason shown, when no Chromium is installed.</summary>
    private sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (s_chromium is null)
            {
                Skip = "no headless Chromium found (install Debian's chromium, or set SEVENSPOT_CHROMIUM)";
            }
        }
    }
}
