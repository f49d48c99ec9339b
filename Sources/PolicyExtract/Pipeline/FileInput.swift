import Foundation

/// Reading one input file, with errors that name the file and the reason.
public enum FileInput {
    public static let defaultMaxSize = 64 * 1024 * 1024

    public static func read(_ path: String, maxSize: Int = defaultMaxSize) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: .unreadable, message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(path: path, reason: .notAFile, message: "is a directory, not a file") }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int, size > maxSize {
            throw InputError(path: path, reason: .tooLarge, message: "file is \(size) bytes, over the limit of \(maxSize)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, reason: .unreadable, message: "cannot be read (permissions?)")
        }
        return [UInt8](data)
    }

    /// The document id of a path: its file name without extension.
    public static func documentID(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
