namespace Traces.Benchmarks;

/// <summary>A fresh directory under the system's temporary folder, deleted with everything in it on disposal.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the directory, named after <paramref name="owner"/> and a new GUID.</summary>
    /// <param name="owner">What the directory is for, e.g. <c>rocksdb</c>; part of its name.</param>
    public TemporaryDirectory(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        FullPath = Path.Combine(Path.GetTempPath(), $"traces-benchmarks-{owner}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>Gets the directory's full path.</summary>
    public string FullPath { get; }

    /// <summary>Deletes the directory and everything in it; does nothing the second time.</summary>
    public void Dispose()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
