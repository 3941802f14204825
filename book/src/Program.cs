using Book;

// `dotnet run --project book [-- --out DIR]`: builds the site and says where it is, or lists what is wrong.
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        output = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: dotnet run --project book [-- --out DIR]");
        return 2;
    }
}

string root;
try
{
    root = RepositoryPaths.FindRoot(Directory.GetCurrentDirectory());
}
catch (DirectoryNotFoundException)
{
    root = RepositoryPaths.FindRoot(AppContext.BaseDirectory);
}

var book = Path.Combine(root, "book");
var options = new BookBuildOptions(root, Path.Combine(book, "chapters"), Path.GetFullPath(output ?? Path.Combine(book, "_site")));
try
{
    var result = SiteBuilder.Build(options);
    Console.WriteLine($"Built {result.Pages} pages with {result.Snippets} snippets ({result.Bytes / 1024.0:0} KiB) in {result.Elapsed.TotalSeconds:0.0} s.");
    Console.WriteLine($"Open {Path.Combine(result.OutputDirectory, PageTemplate.CoverPage)}");
    return 0;
}
catch (BookBuildException e)
{
    foreach (var error in e.Errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine($"The book has {e.Errors.Count} error(s); no site was written.");
    return 1;
}
