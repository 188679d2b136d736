using Sevenspot.C;
using Sevenspot.Engine;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// Groups of files read from a list, as spatch 1.1.1 reads them: each group runs as the files named
/// together on the command line do (each rule over all of them before the next), one group after
/// another, and a failing group is reported while the others go on, as in a directory run.
/// <list type="bullet">
/// <item>--file-groups FILE: one file name a line; blank lines end a group.</item>
/// <item>--kbuild-info FILE with --dir: a line starting in column 0 names a directory (as the walk of
/// --dir spells it, "kd/sub"), each indented line under it a group of that directory's files
/// separated by spaces. Files of the walk under no group are left out; a directory the list does
/// not name is left out with spatch's note "can't find kbuild info for directory :DIR". Without
/// --dir the list is not used.</item>
/// </list>
/// Lines are read as spatch reads them: for --kbuild-info, "#" starts a comment and blank lines are
/// skipped; a name is a whole line for --file-groups ("a.c b.c" is one unreadable file).
/// </summary>
internal sealed partial class SpatchDriver
{
    /// <summary>
    /// The lines of a list file an option names; null after saying why when it cannot be read, with
    /// spatch's exit status: a missing --file-groups list is refused in spatch's words for a missing
    /// file (status 255); --kbuild-info ends spatch on an uncaught read error (status 2). A directory
    /// is named as one, where .NET would speak of access being denied.
    /// </summary>
    private string[]? ReadListFile(string option, string listFile, out int status)
    {
        string path = _env.Resolve(listFile);
        bool fileGroups = option == "--file-groups";
        status = fileGroups ? 255 : 2;
        if (Directory.Exists(path))
        {
            WriteError($"sevenspot: {option} {listFile}: is a directory, not a list of files");
            return null;
        }

        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteError(fileGroups
                ? $"ERROR: File {listFile} does not exist: No such file or directory"
                : $"sevenspot: {option} {listFile}: No such file or directory");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError($"sevenspot: {option} {listFile}: {e.Message}");
            return null;
        }
    }

    /// <summary>The groups of --file-groups; null (after saying why) when the list cannot be read.</summary>
    private List<List<string>>? ReadFileGroups(string listFile, out int status)
    {
        if (ReadListFile("--file-groups", listFile, out status) is not { } lines)
        {
            return null;
        }

        var groups = new List<List<string>>();
        List<string>? current = null;
        foreach (string line in lines)
        {
            if (line.Trim().Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                groups.Add(current);
            }

            current.Add(line);
        }

        return groups;
    }

    /// <summary>
    /// The groups --kbuild-info makes of a directory run's files (in the order of the walk, then of
    /// the list); null (after saying why) when the list cannot be read.
    /// </summary>
    private List<List<string>>? KbuildGroups(string listFile, List<string> files, out int status)
    {
        if (ReadListFile("--kbuild-info", listFile, out status) is not { } lines)
        {
            return null;
        }

        var byDirectory = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        List<List<string>>? groupsOfDirectory = null;
        foreach (string raw in lines)
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            string line = hash >= 0 ? raw[..hash] : raw;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line[0] != ' ' && line[0] != '\t')
            {
                // As spatch: the line as it is, so "kd/sub # comment" names "kd/sub " and no directory.
                string directory = line;
                if (!byDirectory.TryGetValue(directory, out groupsOfDirectory))
                {
                    byDirectory[directory] = groupsOfDirectory = [];
                }

                continue;
            }

            if (groupsOfDirectory is null)
            {
                WriteError($"sevenspot: --kbuild-info {listFile}: a group comes before any directory: '{line.Trim()}'");
                status = 255;
                return null;
            }

            groupsOfDirectory.Add([.. line.Split(' ', '\t').Where(n => n.Length > 0)]);
        }

        var result = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string directory = Path.GetDirectoryName(file) ?? string.Empty;
            if (!seen.Add(directory))
            {
                continue;
            }

            if (!byDirectory.TryGetValue(directory, out var groups))
            {
                if (!_settings.VeryQuiet)
                {
                    WriteError($"can't find kbuild info for directory :{directory}");
                }

                continue;
            }

            foreach (var group in groups)
            {
                var paths = new List<string>(group.Count);
                foreach (string name in group)
                {
                    paths.Add(directory.Length == 0 ? name : directory + "/" + name);
                }

                result.Add(paths);
            }
        }

        return result;
    }

    /// <summary>
    /// Runs each group as one unit (the groups on the workers, their output in order);
    /// <paramref name="scriptsReady"/> as for <see cref="RunDirectory"/>.
    /// </summary>
    private int RunGroups(SemanticPatchRunner runner, List<List<string>> groups, string? directory, Func<bool> scriptsReady)
    {
        _filesStarted = true;
        string? patchDirectory = _settings.Patch ?? directory;
        int status = 0;
        WorkerPool.RunOrdered<List<string>, GroupResult>(
            groups,
            Jobs,
            g => ProcessGroup(runner, g, patchDirectory),
            (_, group) =>
            {
                if (!_exitRequested && ScriptsFailed(scriptsReady))
                {
                    _exitRequested = true;
                }

                if (_exitRequested)
                {
                    return; // a script called cocci.exit(), or the scripts could not start
                }

                foreach (var result in group.Files)
                {
                    if (ReportScriptStartError(result))
                    {
                        _exitRequested = true;
                        status = 255;
                        return;
                    }
                }

                bool failed = false;
                foreach (var result in group.Files)
                {
                    failed |= ReportFailure(result);
                }

                if (!failed)
                {
                    _out.Write(group.ScriptStdout);
                    for (int i = group.Files.Length - 1; i >= 0; i--)
                    {
                        Emit(group.Files[i], ref status);
                    }
                }

                foreach (var result in group.Files)
                {
                    FileDone(result);
                }
            },
            HardDeadline,
            g => new GroupResult([.. g.Select(Abandoned)], []));

        if (ScriptsFailed(scriptsReady))
        {
            return 255; // the script workers could not start: their error is said, nothing else
        }

        WriteCoverage();
        if (_settings.Output is not null)
        {
            return Fail("-o can not be applied because there are multiple modified files");
        }

        return status;
    }
}
