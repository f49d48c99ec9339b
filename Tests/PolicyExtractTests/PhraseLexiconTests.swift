import Testing
@testable import PolicyExtract

/// The department and cluster phrase lexicons: the built-in files load, and a bad file is refused with its name.
@Suite struct PhraseLexiconTests {
    @Test("the built-in phrase lexicons load with every kind")
    func builtIn() throws {
        let departments = try DepartmentPhrases(rows: Lexicons.rows(DefaultPipelineFiles.files[DepartmentPhrases.file]), origin: "test")
        #expect(departments.duty == scalars("负责"))
        #expect(departments.jointWork == scalars("会同"))
        let clusters = try ClusterPhrases(rows: Lexicons.rows(DefaultPipelineFiles.files[ClusterPhrases.file]), origin: "test")
        #expect(clusters.cluster == scalars("集群"))
    }

    @Test("an unknown kind or a missing kind is an error that names the file")
    func refused() {
        let rows = Lexicons.rows(DefaultPipelineFiles.files[DepartmentPhrases.file])
        #expect { try DepartmentPhrases(rows: rows + [["no_such_kind", "词"]], origin: "test") } throws: { "\($0)".contains(DepartmentPhrases.file) }
        #expect { try DepartmentPhrases(rows: rows.filter { $0[0] != "duty" }, origin: "test") } throws: { "\($0)".contains("duty") }
        let clusterRows = Lexicons.rows(DefaultPipelineFiles.files[ClusterPhrases.file])
        #expect { try ClusterPhrases(rows: clusterRows.filter { $0[0] != "cluster" }, origin: "test") } throws: { "\($0)".contains(ClusterPhrases.file) }
        #expect { try ClusterPhrases(rows: clusterRows.map { $0[0] == "possessive" ? ["possessive", "的的"] : $0 }, origin: "test") } throws: { "\($0)".contains("possessive") }
    }
}
