using SharpFuzz;

namespace Sevenspot.Fuzz;

/// <summary>
/// Fuzz targets for AFL++ through SharpFuzz (see fuzz/README.md):
/// <c>Sevenspot.Fuzz TARGET</c> under afl-fuzz runs TARGET (c, smpl or match) on each input;
/// <c>Sevenspot.Fuzz TARGET FILE|DIR...</c> runs it once on each file given, to replay findings.
/// The work runs on a thread with the stack the sevenspot command gives its workers, so that a
/// stack overflow found here is one the command would hit too.
/// </summary>
internal static class Program
{
    private const int StackSize = 64 * 1024 * 1024;

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Sevenspot.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE|DIR...]");
            return 2;
        }

        if (args.Length > 1)
        {
            return Replay(target, args[1..]);
        }

        Fuzzer.Run(stream =>
        {
            var input = new MemoryStream();
            stream.CopyTo(input);
            OnBigStack(target, input.ToArray());
        });
        return 0;
    }

    private static int Replay(Action<byte[]> target, string[] paths)
    {
        int failures = 0;
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                try
                {
                    OnBigStack(target, File.ReadAllBytes(file));
                }
                catch (Exception e)
                {
                    failures++;
                    Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");

                    // The stack once per kind of failure: many findings are one bug.
                    if (shown.Add(e.GetType().Name + e.StackTrace))
                    {
                        Console.WriteLine(e.StackTrace);
                    }
                }
            }
        }

        Console.WriteLine($"{failures} failure(s)");
        return failures == 0 ? 0 : 1;
    }

    private static void OnBigStack(Action<byte[]> target, byte[] input)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    target(input);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            // Rethrown on the fuzzer's thread, where SharpFuzz reports it to afl-fuzz as a crash.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }
}
