using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Sevenspot.Scripting;

/// <summary>
/// One long-lived script process (python on sevenspot_worker.py, or the ocaml toplevel on the
/// patch's program): a JSON request per line on its stdin, a JSON answer per line on its stdout.
/// What it writes to stderr is kept, to be shown with the file being processed. One thread talks
/// to a worker at a time.
/// </summary>
internal sealed class ScriptWorker : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly StreamReader _output;
    private readonly StringBuilder _stderr = new();
    private bool _dead;

    private ScriptWorker(Process process)
    {
        _process = process;
        _input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        _output = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false));
    }

    /// <summary>Starts a worker process; null (with the reason) when the program cannot be run.</summary>
    public static ScriptWorker? Start(ProcessStartInfo info, string cannotRun, out string? error)
    {
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.StandardErrorEncoding = new UTF8Encoding(false);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            error = $"{cannotRun}: {e.Message}";
            return null;
        }

        var worker = new ScriptWorker(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (worker._stderr)
                {
                    worker._stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
        error = null;
        return worker;
    }

    /// <summary>Sends a request and reads its answer; null when the worker has died (see <see cref="TakeStderr"/>).</summary>
    public JsonObject? Call(JsonObject request)
    {
        if (_dead)
        {
            return null;
        }

        try
        {
            _input.Write(request.ToJsonString());
            _input.Write('\n');
            _input.Flush();
            string? line = _output.ReadLine();
            if (line is null)
            {
                _dead = true;
                if (_process.WaitForExit(2000))
                {
                    _process.WaitForExit(); // and the last of its stderr
                }

                return null;
            }

            return JsonNode.Parse(line) as JsonObject;
        }
        catch (IOException)
        {
            _dead = true;
            return null;
        }
    }

    /// <summary>What the worker wrote on stderr since the last call.</summary>
    public string TakeStderr()
    {
        lock (_stderr)
        {
            string text = _stderr.ToString();
            _stderr.Clear();
            return text;
        }
    }

    public void Dispose()
    {
        if (!_dead)
        {
            try
            {
                _input.Write("{\"op\":\"quit\"}\n");
                _input.Flush();
                _input.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }
        }

        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
