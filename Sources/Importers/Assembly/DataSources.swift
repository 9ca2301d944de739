import ChoiceKit

/// The manifest's `sources` and `data_dates` for each national file: publisher, address, licence
/// with the attribution it asks for, what Agora used it for, and how current it is.
enum DataSources {
    static let ogl = "Open Government Licence v3.0"
    /// The data date of imported CQC ratings, apart from the care directory's.
    static let cqcRatingsTopic = "cqc_ratings"

    static func gias(asOf: AsOf) -> Manifest.DataSource {
        Manifest.DataSource(
            name: "Get Information about Schools (edubasealldata)", publisher: "Department for Education",
            url: "https://get-information-schools.service.gov.uk/Downloads",
            licence: "\(ogl). Contains public sector information licensed under the Open Government Licence v3.0.",
            usedFor: "schools: names, types, ages, addresses, trusts and older Ofsted grades (\(asOf.text)); locations from each school's grid reference")
    }

    static func cqcDirectory(asOf: AsOf) -> Manifest.DataSource {
        Manifest.DataSource(
            name: "CQC care directory", publisher: "Care Quality Commission",
            url: "https://www.cqc.org.uk/about-us/transparency/using-cqc-data",
            licence: "\(ogl). Contains Care Quality Commission data licensed under the Open Government Licence v3.0.",
            usedFor: "care services: names, addresses, service types and specialisms (\(asOf.text))")
    }

    static func cqcAPI(asOf: AsOf) -> Manifest.DataSource {
        Manifest.DataSource(
            name: "CQC API location data", publisher: "Care Quality Commission",
            url: "https://api.service.cqc.org.uk/public/v1/locations",
            licence: "\(ogl). Contains Care Quality Commission data licensed under the Open Government Licence v3.0.",
            usedFor: "care ratings (overall and the five key questions), beds, and locations (\(asOf.text))")
    }

    static func epraccur(asOf: AsOf) -> Manifest.DataSource {
        Manifest.DataSource(
            name: "NHS ODS epraccur (GP practices)", publisher: "NHS England, Organisation Data Service",
            url: "https://digital.nhs.uk/services/organisation-data-service",
            licence: "\(ogl). Contains NHS England data licensed under the Open Government Licence v3.0.",
            usedFor: "GP practices: names, addresses, status and commissioner (\(asOf.text))")
    }

    static func postcodes(_ layout: PostcodeLayout, asOf: AsOf, converted: Bool) -> Manifest.DataSource {
        let year = asOf.date.year
        let conversion = converted
            ? "; grid references converted to latitude and longitude by Ordnance Survey's Helmert transformation (within about 5 m)" : ""
        switch layout {
        case .onsLookup(let directory):
            return Manifest.DataSource(
                name: directory ? "ONS Postcode Directory" : "National Statistics Postcode Lookup",
                publisher: "Office for National Statistics", url: "https://geoportal.statistics.gov.uk/",
                licence: "\(ogl). Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right \(year). Contains Royal Mail data © Royal Mail copyright and database right \(year). Contains GeoPlace data © Local Government Information House Limited copyright and database right \(year).",
                usedFor: "postcode locations (\(asOf.text))\(conversion)")
        case .codePointOpen:
            return Manifest.DataSource(
                name: "Code-Point Open", publisher: "Ordnance Survey",
                url: "https://www.ordnancesurvey.co.uk/products/code-point-open",
                licence: "\(ogl). Contains OS data © Crown copyright and database right \(year). Contains Royal Mail data © Royal Mail copyright and database right \(year). Contains National Statistics data © Crown copyright and database right \(year).",
                usedFor: "postcode locations (\(asOf.text)); grid references converted to latitude and longitude by Ordnance Survey's Helmert transformation (within about 5 m)")
        }
    }

    /// "Postcodes, dated by the file's name: as of 1 August 2026" on the About page.
    static func date(_ topic: String, _ label: String, _ asOf: AsOf) -> Manifest.DataDate {
        Manifest.DataDate(topic: topic, label: "\(label), \(asOf.dating)", asOf: asOf.date)
    }
}
