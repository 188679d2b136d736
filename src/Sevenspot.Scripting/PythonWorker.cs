using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Sevenspot.Scripting;

/// <summary>
/// One long-lived python process running sevenspot_worker.py: a JSON request per line on its stdin,
/// a JSON answer per line on its stdout. What python writes to stderr is kept, to be shown with the
/// file being processed. One thread talks to a worker at a time.
/// </summary>
internal sealed class PythonWorker : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly StreamReader _output;
    private readonly StringBuilder _stderr = new();
    private bool _dead;

    private PythonWorker(Process process)
    {
        _process = process;
        _input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        _output = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false));
    }

    /// <summary>Starts python on the worker script; null (with the reason) when the interpreter cannot be run.</summary>
    public static PythonWorker? Start(string interpreter, out string? error)
    {
        var info = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add("-B");
        info.ArgumentList.Add(PythonModules.WorkerScript);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            error = $"cannot run the python interpreter '{interpreter}': {e.Message}";
            return null;
        }

        var worker = new PythonWorker(process);
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
                _process.WaitForExit(2000);
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

    /// <summary>What python wrote on stderr since the last call.</summary>
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
